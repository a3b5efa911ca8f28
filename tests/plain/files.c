/*
 * files.c - the file calls wasm32-wasi gets from libc-overlay/plain and
 * libc-overlay/src, on a host directory preopened at "/" that has a tmp/
 * folder (wasi-run --dir DIR::/): realpath through the host's directories
 * and symlinks, the temporary-file calls, and the calls preview1 cannot
 * express (chmod and chown fail with ENOSYS, umask changes nothing,
 * record locks fail with EINVAL).
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
