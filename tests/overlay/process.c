/* process: identity calls, the user and group databases, the calls that
 * cannot exist in one instance (ENOSYS), setjmp/longjmp in all their
 * spellings, and the emulations enabled by default (signal, clock, times,
 * getpid, mmap). */
#include <grp.h>
#include <pwd.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static jmp_buf env;
static sigjmp_buf senv;
static volatile int depth, handled;

static void dive(int n, int val)
{
    depth = n;
    if (n == 5)
        longjmp(env, val);
    dive(n + 1, val);
}

static void sdive(int n)
{
    if (n == 3)
        siglongjmp(senv, 9);
    sdive(n + 1);
}

/* setjmp inside a function that returns normally, then an outer one */
static int inner(void)
{
    jmp_buf local;
    volatile int r = setjmp(local);
    if (r == 0)
        longjmp(local, 3);
    return r;
}

static void on_signal(int sig)
{
    handled = sig;
}

int main(void)
{
    struct passwd pw, *pp;
    struct group gr, *gp;
    char buf[256], *argv[] = {"x", NULL};
    volatile int rounds = 0;
    struct tms t;
    int r, status;
    void *m;

    /* identity */
    EQ(getuid(), 0);
    EQ(geteuid(), 0);
    EQ(getgid(), 0);
    EQ(getegid(), 0);
    CHECK(getpid() > 0);
    EQ(getppid(), 1);

    pp = getpwuid(getuid());
    CHECK(pp != NULL);
    STREQ(pp->pw_name, "root");
    STREQ(pp->pw_dir, "/tmp");
    STREQ(pp->pw_shell, "/bin/sh");
    EQ(pp->pw_uid, 0);
    EQ(pp->pw_gid, 0);
    CHECK(getpwnam("root") == pp);
    errno = 0;
    CHECK(getpwnam("user") == NULL && errno == 0);
    CHECK(getpwuid(1000) == NULL);
    EQ(getpwuid_r(0, &pw, buf, sizeof buf, &pp), 0);
    CHECK(pp == &pw);
    STREQ(pw.pw_name, "root");
    STREQ(pw.pw_dir, "/tmp");
    CHECK(pw.pw_name >= buf && pw.pw_name < buf + sizeof buf);
    EQ(getpwnam_r("root", &pw, buf, 4, &pp), ERANGE);
    CHECK(pp == NULL);
    EQ(getpwnam_r("nobody", &pw, buf, sizeof buf, &pp), 0);
    CHECK(pp == NULL);
    setpwent();
    CHECK(getpwent() != NULL);
    CHECK(getpwent() == NULL);
    endpwent();

    gp = getgrgid(getgid());
    CHECK(gp != NULL);
    STREQ(gp->gr_name, "root");
    EQ(gp->gr_gid, 0);
    CHECK(gp->gr_mem && gp->gr_mem[0] == NULL);
    CHECK(getgrnam("root") == gp);
    CHECK(getgrnam("wheel") == NULL);
    CHECK(getgrgid(1000) == NULL);
    EQ(getgrgid_r(0, &gr, buf + 1, sizeof buf - 1, &gp), 0);
    CHECK(gp == &gr);
    STREQ(gr.gr_name, "root");
    CHECK(gr.gr_mem[0] == NULL);
    EQ(getgrnam_r("root", &gr, buf, 5, &gp), ERANGE);
    EQ(getgrnam_r("other", &gr, buf, sizeof buf, &gp), 0);
    CHECK(gp == NULL);
    setgrent();
    CHECK(getgrent() != NULL);
    CHECK(getgrent() == NULL);
    endgrent();

    /* no other process */
    ERR(fork(), ENOSYS);
    ERR(vfork(), ENOSYS);
    ERR(execv("/bin/sh", argv), ENOSYS);
    ERR(execve("/bin/sh", argv, NULL), ENOSYS);
    ERR(execvp("sh", argv), ENOSYS);
    ERR(execl("/bin/sh", "sh", (char *)NULL), ENOSYS);
    ERR(execlp("sh", "sh", (char *)NULL), ENOSYS);
    ERR(execle("/bin/sh", "sh", (char *)NULL, argv), ENOSYS);
    EQ(system(NULL), 0);
    ERR(system("ls"), ENOSYS);
    errno = 0;
    CHECK(popen("ls", "r") == NULL && errno == ENOSYS);
    ERR(pclose(stdin), ENOSYS);
    ERR(wait(&status), ENOSYS);
    ERR(waitpid(-1, &status, WNOHANG), ENOSYS);
    ERR(kill(1, SIGTERM), ENOSYS);
    status = 3 << 8;
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);

    /* setjmp / longjmp */
    r = setjmp(env);
    rounds++;
    if (r == 0)
        dive(0, 42);
    EQ(r, 42);
    EQ(depth, 5);
    EQ(rounds, 2);
    r = setjmp(env);
    if (r == 0)
        dive(0, 0);
    EQ(r, 1); /* longjmp(env, 0) makes setjmp return 1 */
    r = _setjmp(env);
    if (r == 0)
        _longjmp(env, 7);
    EQ(r, 7);
    r = sigsetjmp(senv, 1);
    if (r == 0)
        sdive(0);
    EQ(r, 9);
    EQ(inner(), 3);
    EQ(inner(), 3);

    /* emulations on by default */
    CHECK(signal(SIGUSR1, on_signal) != SIG_ERR);
    OK(raise(SIGUSR1));
    EQ(handled, SIGUSR1);
    CHECK(clock() != (clock_t)-1);
    CHECK(times(&t) != (clock_t)-1);
    m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
             -1, 0);
    CHECK(m != MAP_FAILED);
    OK(munmap(m, 4096));
    return DONE();
}
