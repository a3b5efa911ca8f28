/* 17-process: the non-file calls legacy programs use beside files: a pipe
 * inside one process, getpid, getuid/getpwuid (only whether the user has a
 * name), setjmp/longjmp out of nested calls.  No pid, uid or name is
 * printed; isatty is not looked at. */
#include "conf.h"
#include <pwd.h>
#include <setjmp.h>

static jmp_buf env;
static int depth;

static void dive(int n, int val)
{
    depth = n;
    if (n == 3)
        longjmp(env, val);
    if (n < 10)
        dive(n + 1, val);
    depth = -1; /* never reached */
}

int main(void)
{
    char buf[64];
    struct stat st;
    volatile int rounds = 0;
    int p[2], r;
    struct passwd *pw;

    conf_begin("conf-17-process");

    SAY("-- pipe");
    OK("pipe", pipe(p));
    OK("fstat(read end)", fstat(p[0], &st));
    YES("read end is a FIFO", S_ISFIFO(st.st_mode), 1);
    RC("write(hello) to the write end", write(p[1], "hello", 5), 5);
    RC("write(, world)", write(p[1], ", world", 7), 7);
    RC("read(5) from the read end", read(p[0], buf, 5), 5);
    RC("read the rest", read(p[0], buf + 5, sizeof buf - 6), 7);
    buf[12] = '\0';
    STR("data", buf, "hello, world");
    ERR("lseek on a pipe", lseek(p[0], 0, SEEK_SET), ESPIPE);
    ERR("read from the write end", read(p[1], buf, 1), EBADF);
    ERR("write to the read end", write(p[0], "x", 1), EBADF);
    YES("F_GETFL access mode of the read end is O_RDONLY",
        (fcntl(p[0], F_GETFL) & O_ACCMODE) == O_RDONLY, 1);
    YES("F_GETFL access mode of the write end is O_WRONLY",
        (fcntl(p[1], F_GETFL) & O_ACCMODE) == O_WRONLY, 1);
    OK("close(write end)", close(p[1]));
    RC("read after the writer closed: end of file", read(p[0], buf, sizeof buf), 0);
    OK("close(read end)", close(p[0]));

    SAY("-- process identity");
    YES("getpid() > 0", getpid() > 0, 1);
    YES("getpid() stable", getpid() == getpid(), 1);
    YES("getuid() == geteuid()", getuid() == geteuid(), 1);
    YES("getgid() == getegid()", getgid() == getegid(), 1);
    pw = getpwuid(getuid());
    YES("getpwuid(getuid()) non-NULL", pw != NULL, 1);
    YES("pw_name non-empty", pw && pw->pw_name && pw->pw_name[0], 1);

    SAY("-- setjmp/longjmp");
    r = setjmp(env);
    rounds++;
    if (r == 0) {
        INT("setjmp first returns", r, 0);
        dive(0, 42);
    } else if (r == 42) {
        INT("setjmp returns the value passed to longjmp", r, 42);
        INT("nested depth reached", depth, 3);
        INT("volatile local kept", rounds, 2);
        dive(0, 0);
    } else {
        INT("longjmp(env, 0) makes setjmp return", r, 1);
        INT("volatile local kept", rounds, 3);
    }
    return conf_end();
}
