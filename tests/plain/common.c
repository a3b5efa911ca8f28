/*
 * common.c - the non-filesystem help wasm32-wasi and wasm32-wasi-vfs
 * share (libc-overlay/include, libc-overlay/src/common), built for both and run
 * under wasi-run: the signal-set calls, sigaction over the signal
 * emulation, sigprocmask, stream locks, the one user, the process calls
 * that fail with ENOSYS, setjmp/longjmp, and the emulations turned on by
 * the headers alone (getpid, clock, mmap).
 */
#define _GNU_SOURCE
#include <pwd.h>
#include <grp.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static int caught;
static void on_signal(int sig) { caught = sig; }

static jmp_buf env;
static void jump(int v) { longjmp(env, v); }

int main(void)
{
    sigset_t s, old;
    struct sigaction sa = {0}, prev;
    volatile int round = 0;
    void *p;
    int status;

    /* signal sets */
    OK(sigemptyset(&s));
    EQ(sigismember(&s, SIGINT), 0);
    OK(sigaddset(&s, SIGINT));
    OK(sigaddset(&s, SIGSYS));
    EQ(sigismember(&s, SIGINT), 1);
    EQ(sigismember(&s, SIGSYS), 1);
    EQ(sigismember(&s, SIGTERM), 0);
    OK(sigdelset(&s, SIGINT));
    EQ(sigismember(&s, SIGINT), 0);
    ERR(sigaddset(&s, 0), EINVAL);
    ERR(sigaddset(&s, _NSIG), EINVAL);
    ERR(sigismember(&s, -1), EINVAL);
    OK(sigfillset(&s));
    EQ(sigismember(&s, SIGKILL), 1);
    EQ(sigismember(&s, _NSIG - 1), 1);

    /* sigaction installs through the emulation; raise delivers */
    sa.sa_handler = on_signal;
    OK(sigemptyset(&sa.sa_mask));
    OK(sigaddset(&sa.sa_mask, SIGTERM));
    sa.sa_flags = SA_RESTART;
    OK(sigaction(SIGUSR1, &sa, &prev));
    CHECK(prev.sa_handler == SIG_DFL);
    OK(raise(SIGUSR1));
    EQ(caught, SIGUSR1);
    OK(sigaction(SIGUSR1, NULL, &prev));
    CHECK(prev.sa_handler == on_signal);
    EQ(prev.sa_flags, SA_RESTART);
    EQ(sigismember(&prev.sa_mask, SIGTERM), 1);
    CHECK(signal(SIGUSR1, SIG_IGN) == on_signal);
    OK(sigaction(SIGUSR1, NULL, &prev));
    CHECK(prev.sa_handler == SIG_IGN);
    EQ(prev.sa_flags, 0);
    caught = 0;
    OK(raise(SIGUSR1));
    EQ(caught, 0);
    ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
    OK(sigaction(SIGKILL, NULL, &prev));
    CHECK(prev.sa_handler == SIG_DFL);
    ERR(sigaction(0, &sa, NULL), EINVAL);
    sa.sa_flags = SA_SIGINFO;
    ERR(sigaction(SIGUSR2, &sa, NULL), ENOTSUP);

    /* sigprocmask keeps the mask; SIGKILL and SIGSTOP never in it */
    OK(sigemptyset(&s));
    OK(sigaddset(&s, SIGINT));
    OK(sigaddset(&s, SIGKILL));
    OK(sigprocmask(SIG_BLOCK, &s, &old));
    EQ(sigismember(&old, SIGINT), 0);
    OK(sigprocmask(SIG_SETMASK, NULL, &old));
    EQ(sigismember(&old, SIGINT), 1);
    EQ(sigismember(&old, SIGKILL), 0);
    OK(sigprocmask(SIG_UNBLOCK, &s, NULL));
    OK(sigprocmask(SIG_SETMASK, NULL, &old));
    EQ(sigismember(&old, SIGINT), 0);
    ERR(sigprocmask(99, &s, NULL), EINVAL);
    OK(sigpending(&s));
    EQ(sigismember(&s, SIGINT), 0);

    /* stream locks: one thread */
    flockfile(stdout);
    EQ(ftrylockfile(stdout), 0);
    funlockfile(stdout);

    /* the one user: root */
    EQ(getuid(), 0);
    EQ(geteuid(), 0);
    EQ(getgid(), 0);
    EQ(getegid(), 0);
    EQ(getppid(), 1);
    CHECK(getpid() > 0);
    STREQ(getpwuid(getuid())->pw_name, "root");
    STREQ(getpwnam("root")->pw_dir, "/tmp");
    CHECK(getpwnam("user") == NULL);
    STREQ(getgrgid(getgid())->gr_name, "root");

    /* no other process */
    ERR(fork(), ENOSYS);
    ERR(execlp("sh", "sh", "-c", "true", (char *)NULL), ENOSYS);
    ERR(waitpid(-1, &status, 0), ENOSYS);
    ERR(kill(1, SIGTERM), ENOSYS);
    EQ(system(NULL), 0);
    ERR(system("true"), ENOSYS);
    errno = 0;
    CHECK(popen("true", "r") == NULL && errno == ENOSYS);

    /* setjmp/longjmp */
    if (setjmp(env) < 3) {
        round++;
        jump(round);
    }
    EQ(round, 3);

    /* emulations on by default */
    CHECK(clock() >= 0);
    p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
             -1, 0);
    CHECK(p != MAP_FAILED);
    OK(munmap(p, 4096));
    return DONE();
}
