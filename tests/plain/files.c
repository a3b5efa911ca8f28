/*
 * files.c - the file calls wasm32-wasi gets from libc-overlay/plain and
 * libc-overlay/src/common, on a host directory preopened at "/" that has a tmp/
 * folder (wasi-run --dir DIR::/): realpath through the host's directories
 * and symlinks, the temporary-file calls, and the calls preview1 cannot
 * express (chmod and chown fail with ENOSYS, umask changes nothing,
 * record locks fail with EINVAL); the stat family reports st_blksize 4096,
 * as Linux tmpfs does, with the host's type, size and times.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    char buf[PATH_MAX], t[] = "/tmp/fXXXXXX", d[] = "dXXXXXX", *r;
    struct flock lk = {0};
    struct stat st;
    FILE *f;
    int fd;

    /* realpath */
    OK(mkdir("/a", 0777));
    OK(mkdir("/a/b", 0777));
    fd = OK(open("/a/b/file", O_CREAT | O_WRONLY, 0666));
    OK(close(fd));
    OK(symlink("b", "/a/lb"));
    OK(symlink("a/b/file", "/rel")); /* Node refuses absolute targets */
    OK(symlink("loop2", "/loop1"));
    OK(symlink("loop1", "/loop2"));
    OK(chdir("/a"));
    STREQ(realpath("b/../b/./file", buf), "/a/b/file");
    STREQ(realpath("lb//file", buf), "/a/b/file");
    STREQ(realpath("/rel", buf), "/a/b/file");
    STREQ(realpath("lb/..", buf), "/a");
    STREQ(realpath(".", buf), "/a");
    STREQ(realpath("/..", buf), "/");
    r = realpath("lb", NULL);
    STREQ(r, "/a/b");
    free(r);
    errno = 0;
    CHECK(realpath("missing", buf) == NULL && errno == ENOENT);
    errno = 0;
    CHECK(realpath("b/file/x", buf) == NULL && errno == ENOTDIR);
    errno = 0;
    CHECK(realpath("/loop1", buf) == NULL && errno == ELOOP);
    errno = 0;
    CHECK(realpath("", buf) == NULL && errno == ENOENT);
    errno = 0;
    CHECK(realpath(NULL, buf) == NULL && errno == EINVAL);
    OK(chdir("/"));

    /* st_blksize is 4096 (preview1 has none; code divides by it) */
    fd = OK(open("/a/b/file", O_WRONLY | O_APPEND));
    EQ(write(fd, "12345", 5), 5);
    OK(fstat(fd, &st));
    EQ(st.st_blksize, 4096);
    EQ(st.st_size, 5);
    CHECK(S_ISREG(st.st_mode) && st.st_nlink == 1 && st.st_mtim.tv_sec > 0);
    OK(close(fd));
    OK(stat("/a/b/file", &st));
    EQ(st.st_blksize, 4096);
    EQ(st.st_size, 5);
    OK(stat("/a/lb", &st));
    CHECK(S_ISDIR(st.st_mode) && st.st_blksize == 4096);
    OK(lstat("/a/lb", &st));
    CHECK(S_ISLNK(st.st_mode) && st.st_blksize == 4096);
    OK(fstatat(AT_FDCWD, "a/lb", &st, AT_SYMLINK_NOFOLLOW));
    CHECK(S_ISLNK(st.st_mode) && st.st_blksize == 4096);
    fd = OK(open("/a", O_RDONLY | O_DIRECTORY));
    OK(fstatat(fd, "b/file", &st, 0));
    CHECK(S_ISREG(st.st_mode) && st.st_blksize == 4096 && st.st_size == 5);
    OK(fstat(fd, &st));
    CHECK(S_ISDIR(st.st_mode) && st.st_blksize == 4096);
    OK(close(fd));
    ERR(stat("/a/missing", &st), ENOENT);
    ERR(fstat(-1, &st), EBADF);

    /* temporary files, in the host's /tmp */
    fd = OK(mkstemp(t));
    CHECK(strncmp(t, "/tmp/f", 6) == 0 && strcmp(t + 6, "XXXXXX") != 0);
    OK(stat(t, &st));
    OK(close(fd));
    OK(unlink(t));
    strcpy(t, "/tmp/fXXXX");
    ERR(mkstemp(t), EINVAL);
    STREQ(mkdtemp(d), d);
    OK(stat(d, &st));
    CHECK(S_ISDIR(st.st_mode));
    OK(rmdir(d));
    f = tmpfile();
    CHECK(f != NULL);
    if (f) {
        CHECK(fputs("abc", f) >= 0);
        rewind(f);
        STREQ(fgets(buf, sizeof buf, f), "abc");
        OK(fclose(f));
    }
    CHECK(tmpnam(NULL) != NULL);
    r = tempnam(NULL, "pfx");
    CHECK(r && strncmp(r, "/tmp/pfx_", 9) == 0);
    free(r);

    /* what preview1 cannot express */
    ERR(chmod("/a/b/file", 0600), ENOSYS);
    fd = OK(open("/a/b/file", O_RDWR));
    ERR(fchmod(fd, 0600), ENOSYS);
    ERR(fchown(fd, 1000, 1000), ENOSYS);
    ERR(chown("/a/b/file", 1000, 1000), ENOSYS);
    EQ(umask(077), 022);
    EQ(umask(022), 077);
    lk.l_type = F_WRLCK;
    lk.l_whence = SEEK_SET;
    ERR(fcntl(fd, F_SETLK, &lk), EINVAL);
    ERR(fcntl(fd, F_GETLK, &lk), EINVAL);
    OK(close(fd));
    return DONE();
}
