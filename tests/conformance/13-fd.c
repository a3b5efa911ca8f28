/* 13-fd: dup/dup2/dup3, fcntl F_DUPFD/F_DUPFD_CLOEXEC, F_GETFL/F_SETFL,
 * F_GETFD/F_SETFD; offsets and status flags shared by duplicates, separate
 * for separate opens; lowest free descriptor; EBADF cases.  Descriptor
 * numbers themselves are never printed. */
#include "conf.h"

static long long offset(int fd)
{
    return lseek(fd, 0, SEEK_CUR);
}

static const char *accmode(int fl)
{
    switch (fl & O_ACCMODE) {
    case O_RDONLY: return "O_RDONLY";
    case O_WRONLY: return "O_WRONLY";
    case O_RDWR: return "O_RDWR";
    }
    return "?";
}

/* Shows whether a call returned the descriptor want (never its number). */
#define FD_IS(label, call, want) \
    fd_is((label), (errno = 0, (long long)(call)), (want))
static void fd_is(const char *label, long long r, int want)
{
    int e = errno;
    if (r < 0)
        printf("%s = -1 %s", label, conf_errname(e));
    else
        printf("%s = %s", label, r == want ? "that descriptor" : "another one");
    conf_end_line(r == want, "that descriptor");
}

int main(void)
{
    struct stat st;
    char buf[64];
    int fd, fd2, fd3, fd4, fl;

    conf_begin("conf-13-fd");
    conf_put("f", "0123456789");

    SAY("-- dup shares the offset and status flags");
    fd = OK("open(f, O_RDWR)", open("f", O_RDWR));
    fd2 = OK("dup(fd)", dup(fd));
    YES("dup returned a new descriptor", fd2 != fd, 1);
    RC("read(3) on fd", read(fd, buf, 3), 3);
    RC("offset of the dup", offset(fd2), 3);
    RC("lseek(dup, 7)", lseek(fd2, 7, SEEK_SET), 7);
    RC("offset of fd", offset(fd), 7);
    fl = fcntl(fd, F_GETFL);
    YES("F_GETFL(fd) has no O_APPEND", (fl & O_APPEND) != 0, 0);
    OK("F_SETFL(fd, O_APPEND)", fcntl(fd, F_SETFL, fl | O_APPEND));
    YES("F_GETFL(dup) has O_APPEND", (fcntl(fd2, F_GETFL) & O_APPEND) != 0, 1);
    RC("write(A) through the dup appends", write(fd2, "A", 1), 1);
    RC("offset of fd", offset(fd), 11);
    OK("F_SETFL(dup, 0) clears O_APPEND", fcntl(fd2, F_SETFL, fl & ~O_APPEND));
    YES("F_GETFL(fd) has O_APPEND", (fcntl(fd, F_GETFL) & O_APPEND) != 0, 0);
    RC("lseek(fd, 0)", lseek(fd, 0, SEEK_SET), 0);
    RC("write(B) at 0", write(fd, "B", 1), 1);
    STR("content", conf_get("f", buf, sizeof buf), "B123456789A");
    OK("close(fd)", close(fd));
    RC("the dup still works after the original is closed", pread(fd2, buf, 1, 0), 1);

    SAY("-- FD_CLOEXEC is per descriptor");
    RC("F_GETFD(dup)", fcntl(fd2, F_GETFD), 0);
    OK("F_SETFD(dup, FD_CLOEXEC)", fcntl(fd2, F_SETFD, FD_CLOEXEC));
    RC("F_GETFD(dup)", fcntl(fd2, F_GETFD), FD_CLOEXEC);
    fd3 = OK("dup(dup)", dup(fd2));
    RC("F_GETFD of a new dup: cleared", fcntl(fd3, F_GETFD), 0);
    OK("F_SETFD(dup, 0)", fcntl(fd2, F_SETFD, 0));
    RC("F_GETFD(dup)", fcntl(fd2, F_GETFD), 0);
    OK("close", close(fd3));
    fd3 = OK("fcntl(F_DUPFD, 100)", fcntl(fd2, F_DUPFD, 100));
    YES("result >= 100", fd3 >= 100, 1);
    RC("F_GETFD", fcntl(fd3, F_GETFD), 0);
    RC("offset shared", offset(fd3), offset(fd2));
    OK("close", close(fd3));
    fd3 = OK("fcntl(F_DUPFD_CLOEXEC, 0)", fcntl(fd2, F_DUPFD_CLOEXEC, 0));
    RC("F_GETFD", fcntl(fd3, F_GETFD), FD_CLOEXEC);
    OK("close", close(fd3));
    fd = OK("open(f, O_RDONLY|O_CLOEXEC)", open("f", O_RDONLY | O_CLOEXEC));
    RC("F_GETFD", fcntl(fd, F_GETFD), FD_CLOEXEC);
    OK("close", close(fd));

    SAY("-- dup2, dup3");
    fd = OK("open(f, O_RDONLY)", open("f", O_RDONLY));
    fd3 = OK("open(g, O_CREAT|O_WRONLY)", open("g", O_WRONLY | O_CREAT, 0644));
    FD_IS("dup2(fd2, fd3) returns", dup2(fd2, fd3), fd3);
    RC("fd3 now shares fd2's offset", offset(fd3), offset(fd2));
    STR("F_GETFL(fd3) access mode", accmode(fcntl(fd3, F_GETFL)), "O_RDWR");
    FD_IS("dup2(fd, fd) returns", dup2(fd, fd), fd);
    RC("F_GETFL(fd) still valid", fcntl(fd, F_GETFL) >= 0, 1);
    OK("F_SETFD(fd3, FD_CLOEXEC)", fcntl(fd3, F_SETFD, FD_CLOEXEC));
    FD_IS("dup2(fd, fd3) returns", dup2(fd, fd3), fd3);
    RC("F_GETFD(fd3) after dup2: cleared", fcntl(fd3, F_GETFD), 0);
    STR("F_GETFL(fd3) access mode", accmode(fcntl(fd3, F_GETFL)), "O_RDONLY");
    FD_IS("dup3(fd, fd3, O_CLOEXEC) returns", dup3(fd, fd3, O_CLOEXEC), fd3);
    RC("F_GETFD(fd3)", fcntl(fd3, F_GETFD), FD_CLOEXEC);
    ERR("dup3(fd, fd, 0) same descriptor", dup3(fd, fd, 0), EINVAL);
    ERR("dup3(fd, fd3, bad flag)", dup3(fd, fd3, O_APPEND), EINVAL);
    OK("close(fd3)", close(fd3));
    OK("close(fd)", close(fd));
    OK("unlink(g)", unlink("g"));

    SAY("-- separate opens: own offsets and status flags, one file");
    fd = OK("open(f, O_RDWR)", open("f", O_RDWR));
    fd3 = OK("open(f, O_RDONLY)", open("f", O_RDONLY));
    RC("read(4) on the first", read(fd, buf, 4), 4);
    RC("offset of the second", offset(fd3), 0);
    RC("write(xy) on the first", write(fd, "xy", 2), 2);
    RC("read(8) on the second sees it", read(fd3, buf, 8), 8);
    YES("data", memcmp(buf, "B123xy67", 8) == 0, 1);
    OK("F_SETFL(first, O_APPEND)", fcntl(fd, F_SETFL, O_APPEND));
    YES("second has no O_APPEND", (fcntl(fd3, F_GETFL) & O_APPEND) != 0, 0);
    STR("F_GETFL(first) access mode kept", accmode(fcntl(fd, F_GETFL)), "O_RDWR");
    OK("F_SETFL(second, O_RDWR) cannot change the access mode",
       fcntl(fd3, F_SETFL, O_RDWR));
    STR("F_GETFL(second) access mode", accmode(fcntl(fd3, F_GETFL)), "O_RDONLY");
    fd4 = OK("open(f, O_WRONLY)", open("f", O_WRONLY));
    STR("F_GETFL access mode", accmode(fcntl(fd4, F_GETFL)), "O_WRONLY");
    OK("close", close(fd4));

    SAY("-- the lowest free descriptor is used");
    OK("close(first)", close(fd));
    FD_IS("open(f, O_RDONLY) returns the one just closed",
          fd4 = open("f", O_RDONLY), fd);
    fd = fd4;

    SAY("-- EBADF");
    ERR("dup(-1)", dup(-1), EBADF);
    ERR("dup2(-1, fd)", dup2(-1, fd), EBADF);
    ERR("dup2(fd, -1)", dup2(fd, -1), EBADF);
    ERR("fcntl(-1, F_GETFL)", fcntl(-1, F_GETFL), EBADF);
    ERR("fcntl(-1, F_GETFD)", fcntl(-1, F_GETFD), EBADF);
    ERR("close(-1)", close(-1), EBADF);
    ERR("read(-1)", read(-1, buf, 1), EBADF);
    ERR("fcntl(fd, F_DUPFD, -1)", fcntl(fd, F_DUPFD, -1), EINVAL);
    OK("close(fd)", close(fd));
    ERR("fcntl(closed, F_GETFL)", fcntl(fd, F_GETFL), EBADF);
    ERR("dup(closed)", dup(fd), EBADF);
    ERR("fstat(closed)", fstat(fd, &st), EBADF);

    OK("close", close(fd2));
    OK("close", close(fd3));
    OK("unlink(f)", unlink("f"));
    return conf_end();
}
