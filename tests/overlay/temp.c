/* temp: mkstemp, mkostemp, mkstemps, mkostemps, mkdtemp, mktemp,
 * tmpfile, tmpnam, tempnam, statvfs/fstatvfs. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    char t1[] = "/tmp/aXXXXXX", t2[] = "/tmp/aXXXXXX", t3[] = "/tmp/bXXXXXX.c";
    char bad[] = "/tmp/aXXXXX", d[] = "/tmp/dXXXXXX", m[] = "/tmp/mXXXXXX";
    char buf[L_tmpnam], *p, *q;
    struct statvfs sv;
    struct stat st;
    FILE *f;
    int fd, fd2;

    fd = OK(mkstemp(t1));
    CHECK(strncmp(t1, "/tmp/a", 6) == 0 && strcmp(t1 + 6, "XXXXXX") != 0);
    OK(stat(t1, &st));
    EQ(st.st_mode, S_IFREG | 0600);
    EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
    fd2 = OK(mkstemp(t2));
    CHECK(strcmp(t1, t2) != 0);
    OK(close(fd));
    OK(close(fd2));
    ERR(mkstemp(bad), EINVAL);
    STREQ(bad, "/tmp/aXXXXX");
    fd = OK(mkstemps(t3, 2));
    CHECK(strncmp(t3, "/tmp/b", 6) == 0 && !strcmp(t3 + 12, ".c"));
    OK(close(fd));
    {
        char t4[] = "/tmp/cXXXXXX";
        fd = OK(mkostemp(t4, O_CLOEXEC | O_APPEND));
        EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
        CHECK(fcntl(fd, F_GETFL) & O_APPEND);
        OK(close(fd));
    }
    {
        char t5[] = "/tmp/eXXXXXXsfx";
        fd = OK(mkostemps(t5, 3, 0));
        OK(close(fd));
        char t6[] = "/missing/eXXXXXX";
        ERR(mkstemp(t6), ENOENT);
        STREQ(t6, "/missing/eXXXXXX");
    }

    CHECK(mkdtemp(d) == d);
    OK(stat(d, &st));
    EQ(st.st_mode, S_IFDIR | 0700);
    CHECK(mkdtemp(bad) == NULL && errno == EINVAL);

    CHECK(mktemp(m) == m);
    CHECK(m[0] && strcmp(m + 6, "XXXXXX") != 0);
    ERR(stat(m, &st), ENOENT);

    f = tmpfile();
    CHECK(f != NULL);
    CHECK(fputs("temporary", f) >= 0);
    rewind(f);
    CHECK(fgets(buf, sizeof buf, f) && !strcmp(buf, "temporary"));
    OK(fstat(fileno(f), &st));
    EQ(st.st_nlink, 0); /* already unlinked */
    OK(fclose(f));

    p = tmpnam(NULL);
    CHECK(p && !strncmp(p, "/tmp/", 5) && strlen(p) < L_tmpnam);
    ERR(stat(p, &st), ENOENT);
    CHECK(tmpnam(buf) == buf);
    q = tempnam("/w", "pfx");
    CHECK(q && !strncmp(q, "/w/pfx", 6));
    free(q);
    q = tempnam(NULL, NULL);
    CHECK(q && !strncmp(q, P_tmpdir "/", 5));
    free(q);

    OK(statvfs("/tmp", &sv));
    EQ(sv.f_bsize, 4096);
    EQ(sv.f_namemax, 255);
    CHECK(sv.f_blocks > 0 && sv.f_bfree <= sv.f_blocks);
    CHECK(sv.f_files > 0 && sv.f_ffree < sv.f_files);
    ERR(statvfs("/missing", &sv), ENOENT);
    fd = OK(open("/", O_RDONLY | O_DIRECTORY));
    OK(fstatvfs(fd, &sv));
    OK(close(fd));
    ERR(fstatvfs(fd, &sv), EBADF);
    return DONE();
}
