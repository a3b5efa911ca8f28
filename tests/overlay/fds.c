/* fds: dup/dup2/dup3, fcntl (every command), flock, lockf, pipe/pipe2,
 * freopen onto the standard streams, descriptor numbering. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    struct flock fl;
    struct stat st;
    char buf[128];
    int fd, fd2, fd3, p[2], i, fl0;
    FILE *f;

    /* the lowest free descriptor: 3, as nothing else is open */
    fd = OK(open("/tmp/f", O_RDWR | O_CREAT | O_TRUNC, 0644));
    EQ(fd, 3);
    EQ(write(fd, "0123456789", 10), 10);

    /* dup shares the offset and status flags, not FD_CLOEXEC */
    fd2 = OK(dup(fd));
    EQ(fd2, 4);
    EQ(lseek(fd, 2, SEEK_SET), 2);
    EQ(lseek(fd2, 0, SEEK_CUR), 2);
    OK(fcntl(fd, F_SETFL, O_APPEND));
    CHECK(fcntl(fd2, F_GETFL) & O_APPEND);
    EQ(fcntl(fd2, F_GETFL) & O_ACCMODE, O_RDWR);
    OK(fcntl(fd2, F_SETFL, 0));
    CHECK(!(fcntl(fd, F_GETFL) & O_APPEND));
    OK(fcntl(fd, F_SETFL, O_NONBLOCK | O_RDONLY)); /* access mode kept */
    EQ(fcntl(fd, F_GETFL), O_RDWR | O_NONBLOCK);
    OK(fcntl(fd, F_SETFL, 0));
    EQ(fcntl(fd, F_GETFD), 0);
    OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
    EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
    EQ(fcntl(fd2, F_GETFD), 0);
    fd3 = OK(fcntl(fd, F_DUPFD, 10));
    EQ(fd3, 10);
    EQ(fcntl(fd3, F_GETFD), 0);
    OK(close(fd3));
    fd3 = OK(fcntl(fd, F_DUPFD_CLOEXEC, 0));
    EQ(fd3, 5);
    EQ(fcntl(fd3, F_GETFD), FD_CLOEXEC);
    OK(close(fd3));
    ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
    ERR(fcntl(fd, F_DUPFD, 1024), EINVAL);
    ERR(fcntl(-1, F_DUPFD, -1), EBADF);
    ERR(fcntl(fd, 12345), EINVAL);
    ERR(fcntl(99, 12345), EBADF);
    ERR(fcntl(99, F_GETFL), EBADF);
    ERR(fcntl(99, F_GETFD), EBADF);

    /* O_CLOEXEC at open, dup2, dup3 */
    fd3 = OK(open("/tmp/f", O_RDONLY | O_CLOEXEC));
    EQ(fcntl(fd3, F_GETFD), FD_CLOEXEC);
    EQ(fcntl(fd3, F_GETFL) & O_ACCMODE, O_RDONLY);
    EQ(dup2(fd, fd3), fd3);
    EQ(fcntl(fd3, F_GETFD), 0);
    EQ(fcntl(fd3, F_GETFL) & O_ACCMODE, O_RDWR);
    EQ(dup2(fd3, fd3), fd3);
    EQ(dup3(fd, fd3, O_CLOEXEC), fd3);
    EQ(fcntl(fd3, F_GETFD), FD_CLOEXEC);
    ERR(dup3(fd, fd, 0), EINVAL);
    ERR(dup3(fd, fd3, O_APPEND), EINVAL);
    ERR(dup2(fd, -1), EBADF);
    ERR(dup2(fd, 1024), EBADF);
    ERR(dup2(-1, fd3), EBADF);
    ERR(dup(-1), EBADF);
    EQ(dup2(fd, 200), 200);
    OK(close(200));
    ERR(close(200), EBADF);
    ERR(close(1024), EBADF); /* the current directory is not the program's */
    OK(close(fd3));

    /* record locks: a process never conflicts with itself */
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 5;
    OK(fcntl(fd, F_SETLK, &fl));
    OK(fcntl(fd, F_SETLKW, &fl));
    fl.l_type = F_RDLCK;
    OK(fcntl(fd2, F_GETLK, &fl));
    EQ(fl.l_type, F_UNLCK);
    fl.l_type = F_UNLCK;
    OK(fcntl(fd, F_SETLK, &fl));
    fl.l_type = 42;
    ERR(fcntl(fd, F_SETLK, &fl), EINVAL);
    fl.l_type = F_WRLCK;
    fl.l_whence = 9;
    ERR(fcntl(fd, F_SETLK, &fl), EINVAL);
    fl.l_whence = SEEK_SET;
    ERR(fcntl(99, F_SETLK, &fl), EBADF);
    fd3 = OK(open("/tmp/f", O_RDONLY));
    ERR(fcntl(fd3, F_SETLK, &fl), EBADF); /* write lock, read-only */
    fl.l_type = F_RDLCK;
    OK(fcntl(fd3, F_SETLK, &fl));

    /* lockf */
    OK(lockf(fd, F_LOCK, 0));
    OK(lockf(fd, F_TLOCK, 10));
    OK(lockf(fd, F_TEST, 0));
    OK(lockf(fd, F_ULOCK, 0));
    ERR(lockf(fd3, F_LOCK, 0), EBADF);
    ERR(lockf(fd, 99, 0), EINVAL);
    ERR(lockf(99, F_TEST, 0), EBADF);

    /* flock: per open file description */
    OK(flock(fd, LOCK_EX));
    OK(flock(fd2, LOCK_EX)); /* a duplicate shares the lock */
    ERR(flock(fd3, LOCK_SH | LOCK_NB), EWOULDBLOCK);
    ERR(flock(fd3, LOCK_SH), EDEADLK);
    OK(flock(fd, LOCK_UN));
    OK(flock(fd3, LOCK_SH | LOCK_NB));
    ERR(flock(fd, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    OK(flock(fd, LOCK_SH | LOCK_NB));
    ERR(flock(fd, 0), EINVAL);
    ERR(flock(-1, LOCK_SH), EBADF);
    OK(close(fd3));
    OK(close(fd2));

    /* pipes */
    OK(pipe(p));
    EQ(p[0], 4);
    EQ(p[1], 5);
    OK(fstat(p[0], &st));
    CHECK(S_ISFIFO(st.st_mode));
    EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
    EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
    EQ(write(p[1], "abc", 3), 3);
    EQ(read(p[0], buf, sizeof buf), 3);
    ERR(read(p[0], buf, sizeof buf), EAGAIN); /* empty, writer open */
    ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
    ERR(pread(p[0], buf, 1, 0), ESPIPE);
    ERR(write(p[0], "x", 1), EBADF);
    OK(close(p[1]));
    EQ(read(p[0], buf, sizeof buf), 0);
    OK(close(p[0]));
    OK(pipe2(p, O_CLOEXEC | O_NONBLOCK));
    EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
    CHECK(fcntl(p[1], F_GETFL) & O_NONBLOCK);
    ERR(pipe2(p + 0, O_APPEND), EINVAL);
    OK(close(p[0]));
    ERR(write(p[1], "x", 1), EPIPE);
    OK(close(p[1]));
    /* a pipe through stdio */
    OK(pipe(p));
    f = fdopen(p[1], "w");
    CHECK(f != NULL);
    CHECK(fprintf(f, "%d-%s", 42, "x") == 4);
    OK(fclose(f));
    EQ(read(p[0], buf, sizeof buf), 4);
    CHECK(memcmp(buf, "42-x", 4) == 0);
    OK(close(p[0]));

    /* freopen stdout onto a file, then back to /dev/stdout */
    fflush(stdout);
    fd2 = OK(dup(1));
    f = freopen("/tmp/out", "w", stdout);
    CHECK(f == stdout);
    EQ(fileno(stdout), 1);
    printf("into the file %d\n", 7);
    fflush(stdout);
    f = freopen("/dev/stdout", "w", stdout); /* the file, now: fd 1 */
    CHECK(f == stdout);
    OK(dup2(fd2, 1));
    OK(close(fd2));
    fd3 = OK(open("/tmp/out", O_RDONLY));
    i = (int)OK(read(fd3, buf, sizeof buf - 1));
    buf[i > 0 ? i : 0] = 0;
    STREQ(buf, "into the file 7\n");
    OK(close(fd3));
    /* freopen stdin */
    CHECK(freopen("/tmp/f", "r", stdin) == stdin);
    CHECK(fgets(buf, sizeof buf, stdin) != NULL);
    STREQ(buf, "0123456789");

    /* the descriptor table has room for 1024 */
    fl0 = 0;
    for (i = 0; i < 2000; i++) {
        int r = open("/tmp/f", O_RDONLY);
        if (r < 0) {
            EQ(errno, EMFILE);
            break;
        }
        fl0 = r;
    }
    EQ(fl0, 1023);
    for (i = 6; i <= 1023; i++)
        close(i);

    OK(close(fd));
    printf("stdout still works\n");
    return DONE();
}
