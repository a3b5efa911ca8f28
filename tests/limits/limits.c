/*
 * limits.c - every fixed limit of a wasm32-wasi-vfs module, reached through
 * the C library (vfs/LIMITS.md), each with its exact errno:
 *   - descriptors: 0 .. 1023; the 1022nd open after 0, 1, 2 fails with
 *     EMFILE, and so do dup, pipe, fopen, opendir; closing one frees it;
 *   - 100,000 entries in one directory, all listed once, all removed;
 *   - nesting to PATH_MAX: a 4095-byte path works, 4096 bytes is
 *     ENAMETOOLONG; deeper through relative paths works, getcwd then says
 *     ERANGE;
 *   - symlink chains: 40 hops work, 41 is ELOOP, as on Linux;
 *   - a file at the size limit (2^44 bytes): growing past it is EFBIG;
 *   - a name of 255 bytes works, 256 is ENAMETOOLONG;
 *   - a pipe holds 65536 bytes: a larger write is short and says so, the
 *     next is EAGAIN.
 * Prints a summary (tests/overlay/check.h); exits 1 if a check failed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define MANY 100000
#define FILE_MAX ((off_t)1 << 44)

static void descriptors(void)
{
    int fd, n = 0, p[2];

    OK(close(OK(open("/tmp/f", O_WRONLY | O_CREAT, 0644))));
    for (;;) {
        errno = 0;
        fd = open("/tmp/f", O_RDONLY);
        if (fd < 0)
            break;
        EQ(fd, 3 + n);
        n++;
    }
    EQ(errno, EMFILE);
    EQ(n, 1021); /* 3 .. 1023 */
    ERR(dup(0), EMFILE);
    ERR(pipe(p), EMFILE);
    ERR(open("/tmp/g", O_WRONLY | O_CREAT, 0644), EMFILE);
    ERR(access("/tmp/g", F_OK), ENOENT); /* nothing made */
    errno = 0;
    CHECK(fopen("/tmp/f", "r") == NULL && errno == EMFILE);
    errno = 0;
    CHECK(opendir("/tmp") == NULL && errno == EMFILE);
    ERR(dup2(3, 1024), EBADF); /* no higher number to take */
    OK(close(500));
    EQ(open("/tmp/f", O_RDONLY), 500);
    for (fd = 3; fd < 1024; fd++)
        OK(close(fd));
    EQ(open("/tmp/f", O_RDONLY), 3);
    OK(close(3));
    OK(unlink("/tmp/f"));
}

static void hundred_thousand(void)
{
    static unsigned char seen[MANY];
    char name[32];
    struct dirent *e;
    struct stat st;
    DIR *d;
    int i, fd, others = 0, twice = 0;

    OK(mkdir("/big", 0755));
    fd = OK(open("/big", O_RDONLY | O_DIRECTORY));
    for (i = 0; i < MANY; i++) {
        snprintf(name, sizeof name, "f%d", i);
        if (close(openat(fd, name, O_WRONLY | O_CREAT | O_EXCL, 0644)))
            break;
    }
    EQ(i, MANY);
    OK(fstatat(fd, "f99999", &st, 0));
    ERR(fstatat(fd, "f100000", &st, 0), ENOENT);
    d = opendir("/big");
    CHECK(d != NULL);
    while (d && (e = readdir(d))) {
        long k = e->d_name[0] == 'f' ? strtol(e->d_name + 1, NULL, 10) : -1;
        if (k >= 0 && k < MANY)
            twice += seen[k]++ != 0;
        else
            others += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    }
    if (d)
        closedir(d);
    EQ(twice, 0);
    EQ(others, 0);
    for (i = 0; i < MANY && seen[i]; i++)
        ;
    EQ(i, MANY);
    for (i = 0; i < MANY; i++) {
        snprintf(name, sizeof name, "f%d", i);
        if (unlinkat(fd, name, 0))
            break;
    }
    EQ(i, MANY);
    OK(close(fd));
    OK(rmdir("/big"));
}

static void path_max(void)
{
    static char path[PATH_MAX + 8], buf[PATH_MAX];
    size_t len = 0;
    int depth = 0;

    EQ(PATH_MAX, 4096);
    while (len + 2 <= PATH_MAX - 1) { /* "/d" repeated: 4094 bytes */
        memcpy(path + len, "/d", 3);
        len += 2;
        if (mkdir(path, 0755))
            break;
        depth++;
    }
    EQ(depth, 2047);
    memcpy(path + len, "/e", 3); /* 4096 bytes and the NUL */
    ERR(mkdir(path, 0755), ENAMETOOLONG);
    ERR(open(path, O_RDONLY), ENAMETOOLONG);
    path[len + 1] = 0; /* "/d.../" 4095 bytes: fine */
    OK(access(path, F_OK));
    path[len] = 0;
    OK(chdir(path));
    STREQ(getcwd(buf, sizeof buf), path);
    OK(mkdir("deeper", 0755)); /* relative: no limit on depth */
    OK(chdir("deeper"));
    errno = 0;
    CHECK(getcwd(buf, sizeof buf) == NULL && errno == ERANGE);
    OK(chdir(".."));
    OK(rmdir("deeper"));
    OK(chdir("/"));
    for (; depth; depth--) {
        path[len] = 0;
        if (rmdir(path))
            break;
        len -= 2;
    }
    EQ(depth, 0);
}

static void symlink_chain(void)
{
    char from[16], to[16];
    int i;

    OK(close(OK(open("/target", O_WRONLY | O_CREAT, 0644))));
    for (i = 1; i <= 41; i++) { /* /l1 -> /l2 -> ... -> /l41 -> /target */
        snprintf(from, sizeof from, "/l%d", i);
        snprintf(to, sizeof to, i == 41 ? "/target" : "/l%d", i + 1);
        OK(symlink(to, from));
    }
    OK(close(OK(open("/l2", O_RDONLY)))); /* 40 hops */
    ERR(open("/l1", O_RDONLY), ELOOP);    /* 41 */
    ERR(access("/l1", F_OK), ELOOP);
    OK(symlink("self", "/self"));
    ERR(open("/self", O_RDONLY), ELOOP);
    for (i = 1; i <= 41; i++) {
        snprintf(from, sizeof from, "/l%d", i);
        OK(unlink(from));
    }
    OK(unlink("/self"));
    OK(unlink("/target"));
}

static void file_size(void)
{
    struct stat st;
    char buf[4];
    int fd = OK(open("/huge", O_RDWR | O_CREAT, 0644));

    EQ(write(fd, "abc", 3), 3);
    OK(ftruncate(fd, FILE_MAX));
    OK(fstat(fd, &st));
    EQ(st.st_size, FILE_MAX);
    ERR(ftruncate(fd, FILE_MAX + 1), EFBIG);
    ERR(truncate("/huge", FILE_MAX + 1), EFBIG);
    ERR(pwrite(fd, "x", 1, FILE_MAX), EFBIG);
    EQ(lseek(fd, FILE_MAX, SEEK_SET), FILE_MAX);
    ERR(write(fd, "x", 1), EFBIG);
    EQ(pread(fd, buf, 4, FILE_MAX - 2), 2); /* a hole */
    EQ(pread(fd, buf, 3, 0), 3);
    CHECK(!memcmp(buf, "abc", 3));
    OK(close(fd));
    OK(unlink("/huge"));
}

static void names(void)
{
    char name[300];
    name[0] = '/';
    memset(name + 1, 'n', 256);
    name[256] = 0; /* 255 bytes */
    OK(close(OK(open(name, O_WRONLY | O_CREAT, 0644))));
    OK(unlink(name));
    name[256] = 'n';
    name[257] = 0; /* 256 bytes */
    ERR(open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
    ERR(mkdir(name, 0755), ENAMETOOLONG);
}

static void pipe_capacity(void)
{
    static char big[100000];
    int p[2];

    OK(pipe(p));
    OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
    EQ(write(p[1], big, sizeof big), 65536); /* short, and says so */
    ERR(write(p[1], "x", 1), EAGAIN);
    EQ(read(p[0], big, sizeof big), 65536);
    OK(close(p[0]));
    OK(close(p[1]));
}

int main(void)
{
    descriptors();
    hundred_thousand();
    path_max();
    symlink_chain();
    file_size();
    names();
    pipe_capacity();
    return DONE();
}
