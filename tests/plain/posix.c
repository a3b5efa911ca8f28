/*
 * posix.c - the POSIX calls glibc and musl declare that wasm32-wasi and
 * wasm32-wasi-vfs give the same answers to (libc-overlay/src/common/{alarm,
 * rlimit,priority,rusage,tzset,identity,termios,sysconf}.c), built for
 * both and run under wasi-run: each result and each errno as documented
 * there.
 * STACK_BYTES is the triple's default stack (-D from CMakeLists.txt).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* The O_* flags are integer constants that #if can test, as legacy code
 * does (libc-overlay/include/__wasi_open_flags.h). */
#if !(O_APPEND && O_DSYNC && O_NONBLOCK && O_RSYNC && O_SYNC && O_CREAT && \
      O_DIRECTORY && O_EXCL && O_TRUNC)
#error "an O_* flag is not a non-zero integer constant"
#endif

int main(void)
{
    struct rlimit rl;
    struct rusage ru;
    gid_t groups[4] = {77, 77, 77, 77};
    sigset_t set, old, cur;
    void *volatile grown; /* volatile: the allocation is not elided */
    long pages;
    int r;

    /* alarm: no signal can come; pause cannot wait forever */
    CHECK(SIGALRM > 0);
    errno = 0;
    EQ(alarm(0), 0);
    EQ(errno, 0);
    EQ(alarm(5), 0);
    EQ(errno, ENOSYS);
    ERR(pause(), ENOSYS);

    /* limits, fixed at link time */
    OK(getrlimit(RLIMIT_NOFILE, &rl));
    EQ(rl.rlim_cur, 1024);
    EQ(rl.rlim_max, 1024);
    OK(getrlimit(RLIMIT_STACK, &rl));
    EQ(rl.rlim_cur, STACK_BYTES);
    EQ(rl.rlim_max, STACK_BYTES);
    OK(getrlimit(RLIMIT_CORE, &rl));
    EQ(rl.rlim_cur, 0);
    OK(getrlimit(RLIMIT_AS, &rl));
    CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
    ERR(getrlimit(RLIMIT_NLIMITS, &rl), EINVAL);
    ERR(getrlimit(-1, &rl), EINVAL);
    rl.rlim_cur = rl.rlim_max = 0;
    OK(setrlimit(RLIMIT_CORE, &rl)); /* what it already is */
    rl.rlim_cur = rl.rlim_max = 1024;
    OK(setrlimit(RLIMIT_NOFILE, &rl));
    rl.rlim_cur = 64;
    ERR(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
    rl.rlim_cur = 2048;
    ERR(setrlimit(RLIMIT_NOFILE, &rl), EINVAL); /* cur > max */
    ERR(setrlimit(99, &rl), EINVAL);

    /* sysconf (sysconf.c): a wasm32 memory's 4 GiB in 64 KiB pages, the
     * pages it has not grown to, RLIMIT_NOFILE's limit; other names are
     * wasi-libc's */
    EQ(sysconf(_SC_PAGESIZE), 65536);
    EQ(sysconf(_SC_PHYS_PAGES), 65536);
    pages = (long)__builtin_wasm_memory_size(0);
    EQ(sysconf(_SC_AVPHYS_PAGES), 65536 - pages);
    CHECK((grown = malloc(8 << 20)) != NULL);
    CHECK((long)__builtin_wasm_memory_size(0) >= pages + 128);
    EQ(sysconf(_SC_AVPHYS_PAGES), 65536 - (long)__builtin_wasm_memory_size(0));
    free(grown);
    EQ(sysconf(_SC_OPEN_MAX), 1024);
    EQ(sysconf(_SC_NPROCESSORS_ONLN), 1);
    ERR(sysconf(-1), EINVAL);
    ERR(sysconf(100000), EINVAL);

    /* pthread_sigmask and pthread_kill, which POSIX declares in <signal.h>
     * (this file includes no <pthread.h>): the mask, error numbers */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    EQ(pthread_sigmask(SIG_BLOCK, &set, &old), 0);
    EQ(pthread_sigmask(SIG_SETMASK, NULL, &cur), 0);
    EQ(sigismember(&cur, SIGUSR1), 1);
    EQ(pthread_sigmask(99, &set, NULL), EINVAL);
    EQ(pthread_sigmask(SIG_SETMASK, &old, NULL), 0);
    EQ(pthread_kill((pthread_t)0, 0), ESRCH); /* not the one thread */

    /* priority: kept, clamped, reported */
    errno = 0;
    EQ(getpriority(PRIO_PROCESS, 0), 0);
    EQ(errno, 0);
    OK(setpriority(PRIO_PROCESS, 0, 5));
    EQ(getpriority(PRIO_PROCESS, getpid()), 5);
    OK(setpriority(PRIO_USER, getuid(), 100));
    EQ(getpriority(PRIO_PGRP, 0), 19);
    OK(setpriority(PRIO_PROCESS, 0, -100));
    EQ(getpriority(PRIO_PROCESS, 0), -20);
    ERR(getpriority(PRIO_PROCESS, getpid() + 1), ESRCH);
    ERR(setpriority(PRIO_USER, 4242, 0), ESRCH);
    ERR(getpriority(7, 0), EINVAL);
    OK(setpriority(PRIO_PROCESS, 0, 0));

    /* rusage: every field written */
    memset(&ru, 0x55, sizeof ru);
    OK(getrusage(RUSAGE_SELF, &ru));
    EQ(ru.ru_maxrss, (long)__builtin_wasm_memory_size(0) * 64);
    CHECK(ru.ru_stime.tv_sec == 0 && ru.ru_stime.tv_usec == 0);
    CHECK(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
    EQ(ru.ru_minflt, 0);
    EQ(ru.ru_nivcsw, 0);
    memset(&ru, 0x55, sizeof ru);
    OK(getrusage(RUSAGE_CHILDREN, &ru));
    EQ(ru.ru_maxrss, 0);
    EQ(ru.ru_utime.tv_sec, 0);
    ERR(getrusage(42, &ru), EINVAL);

    /* the zone is UTC */
    tzset();
    STREQ(tzname[0], "UTC");
    STREQ(tzname[1], "UTC");
    EQ(timezone, 0);
    EQ(daylight, 0);

    /* groups: none besides the user's own */
    EQ(getgroups(0, NULL), 0);
    r = getgroups(4, groups);
    EQ(r, 0);
    EQ(groups[0], 77);
    ERR(getgroups(-1, groups), EINVAL);

    /* termios: no terminal modes through WASI */
    {
        struct termios t, raw;
        memset(&t, 0, sizeof t);
        ERR(tcgetattr(99, &t), EBADF);
        ERR(tcsetattr(99, TCSANOW, &t), EBADF);
        ERR(tcdrain(99), EBADF);
        if (isatty(1)) { /* run by hand on a terminal */
            OK(tcgetattr(1, &t));
            CHECK(t.c_lflag & ICANON);
            CHECK(t.c_lflag & ECHO);
            EQ(cfgetospeed(&t), B38400);
            OK(tcsetattr(1, TCSANOW, &t));
            raw = t;
            cfmakeraw(&raw);
            ERR(tcsetattr(1, TCSANOW, &raw), ENOSYS);
            ERR(tcsetattr(1, 7, &t), EINVAL);
            OK(tcdrain(1));
            ERR(tcflush(1, TCIFLUSH), ENOSYS);
        } else { /* ctest: a pipe */
            ERR(tcgetattr(1, &t), ENOTTY);
            ERR(tcsetattr(1, TCSANOW, &t), ENOTTY);
            ERR(tcdrain(1), ENOTTY);
            ERR(tcflush(1, TCIFLUSH), ENOTTY);
            ERR(tcsendbreak(1, 0), ENOTTY);
        }
        memset(&t, 0, sizeof t);
        OK(cfsetospeed(&t, B9600));
        EQ(cfgetospeed(&t), B9600);
        EQ(cfgetispeed(&t), B9600);
        ERR(cfsetospeed(&t, 0x7fffffff), EINVAL);
        t.c_lflag = ICANON | ECHO | ISIG;
        t.c_iflag = ICRNL | IXON;
        cfmakeraw(&t);
        EQ(t.c_lflag & (ICANON | ECHO | ISIG), 0);
        EQ(t.c_iflag & (ICRNL | IXON), 0);
        EQ(t.c_cflag & CSIZE, CS8);
        EQ(t.c_cc[VMIN], 1);
    }

    return DONE();
}
