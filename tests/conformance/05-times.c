/* 05-times: utimensat/futimens with explicit values are read back exactly;
 * UTIME_OMIT keeps a value; UTIME_NOW, writes and directory changes move
 * times forward; a write's times lie between the clock readings around it,
 * and before a file made after a sleep.  Only known values and relations
 * are printed: never the clock. */
#include <time.h>

#include "conf.h"

#define T_A 1000000000 /* 2001-09-09 */
#define T_M 1200000000 /* 2008-01-10 */
#define T_X 1300000000 /* 2011-03-13 */

static void show(const char *what, const struct timespec *ts)
{
    printf("%s = %lld.%09ld\n", what, (long long)ts->tv_sec, (long)ts->tv_nsec);
}

static int after(const struct timespec *ts, time_t t)
{
    return ts->tv_sec > t;
}

static long long ns(const struct timespec *ts)
{
    return (long long)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

/* Linux stamps files with its coarse clock, up to a tick (at most 10 ms)
 * behind CLOCK_REALTIME */
#define TICK 10000000LL

int main(void)
{
    struct timespec t[2];
    struct stat st, lst;
    int fd;

    conf_begin("conf-05-times");
    fd = OK("open(f, O_CREAT)", open("f", O_RDWR | O_CREAT, 0600));

    SAY("-- explicit values");
    t[0].tv_sec = T_A; t[0].tv_nsec = 123456789;
    t[1].tv_sec = T_M; t[1].tv_nsec = 500000000;
    OK("utimensat(f, atime A.123456789, mtime M.5)", utimensat(AT_FDCWD, "f", t, 0));
    OK("stat(f)", stat("f", &st));
    show("atime", &st.st_atim);
    show("mtime", &st.st_mtim);
    YES("both exact", st.st_atim.tv_sec == T_A && st.st_atim.tv_nsec == 123456789 &&
        st.st_mtim.tv_sec == T_M && st.st_mtim.tv_nsec == 500000000, 1);
    YES("ctime is not set by utimensat (ctime > X)", after(&st.st_ctim, T_X), 1);

    SAY("-- UTIME_OMIT");
    t[0].tv_sec = 0; t[0].tv_nsec = UTIME_OMIT;
    t[1].tv_sec = T_X; t[1].tv_nsec = 0;
    OK("futimens(fd, atime OMIT, mtime X)", futimens(fd, t));
    OK("fstat(fd)", fstat(fd, &st));
    show("atime", &st.st_atim);
    show("mtime", &st.st_mtim);
    YES("atime kept, mtime set", st.st_atim.tv_sec == T_A &&
        st.st_atim.tv_nsec == 123456789 && st.st_mtim.tv_sec == T_X &&
        st.st_mtim.tv_nsec == 0, 1);
    t[0].tv_sec = T_M; t[0].tv_nsec = 1;
    t[1].tv_sec = 0; t[1].tv_nsec = UTIME_OMIT;
    OK("utimensat(f, atime M.000000001, mtime OMIT)", utimensat(AT_FDCWD, "f", t, 0));
    OK("stat(f)", stat("f", &st));
    show("atime", &st.st_atim);
    show("mtime", &st.st_mtim);
    t[0].tv_nsec = UTIME_OMIT;
    t[1].tv_nsec = UTIME_OMIT;
    OK("utimensat(f, OMIT, OMIT)", utimensat(AT_FDCWD, "f", t, 0));
    OK("stat(f)", stat("f", &st));
    YES("nothing changed", st.st_atim.tv_sec == T_M && st.st_atim.tv_nsec == 1 &&
        st.st_mtim.tv_sec == T_X && st.st_mtim.tv_nsec == 0, 1);

    SAY("-- times move forward");
    t[0].tv_sec = T_A; t[0].tv_nsec = 0;
    t[1].tv_sec = T_A; t[1].tv_nsec = 0;
    OK("futimens(fd, A, A)", futimens(fd, t));
    RC("write", write(fd, "x", 1), 1);
    OK("fstat(fd)", fstat(fd, &st));
    YES("mtime after write > A", after(&st.st_mtim, T_A), 1);
    YES("atime unchanged by write", st.st_atim.tv_sec == T_A, 1);
    OK("futimens(fd, A, A)", futimens(fd, t));
    OK("ftruncate(fd, 0)", ftruncate(fd, 0));
    OK("fstat(fd)", fstat(fd, &st));
    YES("mtime after ftruncate > A", after(&st.st_mtim, T_A), 1);
    OK("futimens(fd, A, A)", futimens(fd, t));
    t[0].tv_nsec = UTIME_NOW;
    t[1].tv_nsec = UTIME_NOW;
    OK("futimens(fd, NOW, NOW)", futimens(fd, t));
    OK("fstat(fd)", fstat(fd, &st));
    YES("atime and mtime after UTIME_NOW > X",
        after(&st.st_atim, T_X) && after(&st.st_mtim, T_X), 1);
    t[0].tv_nsec = 0; t[1].tv_nsec = 0;
    OK("futimens(fd, A, A)", futimens(fd, t));
    OK("utimensat(f, NULL)", utimensat(AT_FDCWD, "f", NULL, 0));
    OK("stat(f)", stat("f", &st));
    YES("atime and mtime after NULL times > X",
        after(&st.st_atim, T_X) && after(&st.st_mtim, T_X), 1);

    SAY("-- write times against the clock");
    {
        struct timespec c0, c1;
        struct stat gst;
        char c;
        clock_gettime(CLOCK_REALTIME, &c0);
        RC("write", write(fd, "y", 1), 1);
        RC("pread", pread(fd, &c, 1, 0), 1);
        clock_gettime(CLOCK_REALTIME, &c1);
        OK("fstat(fd)", fstat(fd, &st));
        YES("clock before write <= mtime, ctime, atime <= clock after",
            ns(&st.st_mtim) >= ns(&c0) - TICK && ns(&st.st_mtim) <= ns(&c1) &&
            ns(&st.st_ctim) >= ns(&c0) - TICK && ns(&st.st_ctim) <= ns(&c1) &&
            ns(&st.st_atim) >= ns(&c0) - TICK && ns(&st.st_atim) <= ns(&c1), 1);
        RC("write", write(fd, "z", 1), 1);
        OK("usleep(50 ms)", usleep(50000));
        conf_put("g", "g");
        OK("fstat(fd)", fstat(fd, &st));
        OK("stat(g)", stat("g", &gst));
        YES("mtime of a write before the sleep < ctime of g made after it",
            ns(&st.st_mtim) + 30000000 < ns(&gst.st_ctim), 1);
        OK("unlink(g)", unlink("g"));
    }

    SAY("-- directory times");
    OK("mkdir(d)", mkdir("d", 0700));
    t[0].tv_sec = T_A; t[0].tv_nsec = 0;
    t[1].tv_sec = T_A; t[1].tv_nsec = 0;
    OK("utimensat(d, A, A)", utimensat(AT_FDCWD, "d", t, 0));
    conf_put("d/e", "e");
    OK("stat(d)", stat("d", &st));
    YES("dir mtime after creating an entry > A", after(&st.st_mtim, T_A), 1);
    OK("utimensat(d, A, A)", utimensat(AT_FDCWD, "d", t, 0));
    OK("rename(d/e, d/e2)", rename("d/e", "d/e2"));
    OK("stat(d)", stat("d", &st));
    YES("dir mtime after rename inside > A", after(&st.st_mtim, T_A), 1);
    OK("utimensat(d, A, A)", utimensat(AT_FDCWD, "d", t, 0));
    OK("unlink(d/e2)", unlink("d/e2"));
    OK("stat(d)", stat("d", &st));
    YES("dir mtime after removing an entry > A", after(&st.st_mtim, T_A), 1);

    SAY("-- symlink times (AT_SYMLINK_NOFOLLOW)");
    OK("symlink(f, l)", symlink("f", "l"));
    t[0].tv_sec = T_M; t[0].tv_nsec = 0;
    t[1].tv_sec = T_M; t[1].tv_nsec = 0;
    OK("utimensat(l, M, M, AT_SYMLINK_NOFOLLOW)",
       utimensat(AT_FDCWD, "l", t, AT_SYMLINK_NOFOLLOW));
    OK("lstat(l)", lstat("l", &lst));
    OK("stat(f)", stat("f", &st));
    YES("link mtime is M", lst.st_mtim.tv_sec == T_M, 1);
    YES("target mtime is not M", st.st_mtim.tv_sec != T_M, 1);
    OK("utimensat(l, M, M) follows", utimensat(AT_FDCWD, "l", t, 0));
    OK("stat(f)", stat("f", &st));
    YES("target mtime is M", st.st_mtim.tv_sec == T_M, 1);

    SAY("-- errors");
    ERR("utimensat(missing)", utimensat(AT_FDCWD, "missing", NULL, 0), ENOENT);
    t[0].tv_sec = T_A; t[0].tv_nsec = 1000000000;
    ERR("utimensat(f, tv_nsec 1000000000)", utimensat(AT_FDCWD, "f", t, 0), EINVAL);
    t[0].tv_nsec = -1;
    ERR("futimens(fd, tv_nsec -1)", futimens(fd, t), EINVAL);
    ERR("futimens(-1)", futimens(-1, NULL), EBADF);

    OK("close", close(fd));
    OK("unlink(l)", unlink("l"));
    OK("unlink(f)", unlink("f"));
    OK("rmdir(d)", rmdir("d"));
    return conf_end();
}
