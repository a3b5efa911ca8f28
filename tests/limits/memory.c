/*
 * memory.c - running out of linear memory inside a wasm32-wasi-vfs module
 * linked with a memory maximum (-Wl,--max-memory): memory.grow fails, and
 * that is an error the program sees, never a trap.
 *
 *   - writes of 64 KiB fill the memory: the write that fills it is short
 *     and says so (its count), the next fails with ENOMEM; the file holds
 *     exactly the bytes reported written; a write in the middle of the file
 *     still works (no new memory), one past its end fails;
 *   - stdio, in the room of the big file's last 64 KiB: fwrite reports
 *     the short count and ferror, fflush/fclose fail with ENOMEM, and the
 *     file holds exactly what fwrite said it wrote;
 *   - small files until memory is gone, then directories and symlinks in
 *     the crumbs left: creating fails with ENOMEM, and mkdir and symlink
 *     do too; nothing half made is left;
 *   - after unlinking it all, the same amounts fit again, and the tree is
 *     what it was;
 *   - sbrk with a negative or unaligned increment is EINVAL, not an abort.
 * Prints a summary (tests/overlay/check.h); exits 1 if a check failed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define CHUNK 65536

static unsigned char chunk[CHUNK], back[CHUNK];

static unsigned char byte_at(long long i)
{
    return (unsigned char)(i * 7 + (i >> 16));
}

/* Writes 64 KiB chunks to path until a write fails; returns the bytes
 * written and checks the failure. */
static long long fill(const char *path, int *shorts)
{
    long long total = 0;
    ssize_t n;
    int fd = OK(open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)), i;

    *shorts = 0;
    for (;;) {
        for (i = 0; i < CHUNK; i++)
            chunk[i] = byte_at(total + i);
        errno = 0;
        n = write(fd, chunk, CHUNK);
        if (n < 0)
            break;
        CHECK(n > 0);
        if (n < CHUNK)
            ++*shorts;
        total += n;
    }
    EQ(errno, ENOMEM);
    OK(close(fd));
    return total;
}

/* The file at path holds byte_at(0 .. size-1). */
static void holds(const char *path, long long size)
{
    struct stat st;
    long long at = 0;
    ssize_t n;
    int fd = OK(open(path, O_RDONLY)), bad = 0, i;

    OK(fstat(fd, &st));
    EQ(st.st_size, size);
    while ((n = read(fd, back, CHUNK)) > 0) {
        for (i = 0; i < n; i++)
            bad += back[i] != byte_at(at + i);
        at += n;
    }
    EQ(n, 0);
    EQ(at, size);
    EQ(bad, 0);
    OK(close(fd));
}

int main(void)
{
    long long first, again;
    char name[64];
    int shorts, fd, n, k, e, dirs, links;
    size_t got;
    FILE *f;
    const char *before;

    OK(mkdir("/fill", 0755));
    before = strdup(check_listing("/fill"));

    /* write(2) */
    first = fill("/fill/big", &shorts);
    CHECK(first > 1 << 20);
    CHECK(shorts <= 1); /* at most the last one; an exact fit has none */
    holds("/fill/big", first);
    fd = OK(open("/fill/big", O_WRONLY));
    EQ(pwrite(fd, "abc", 3, first / 2), 3); /* rewrites: no new memory */
    ERR(pwrite(fd, chunk, CHUNK, first + 5 * CHUNK), ENOMEM);
    EQ(pwrite(fd, "", 0, first), 0);
    OK(close(fd));
    printf("write: %lld bytes before memory ran out (%d short write)\n",
           first, shorts);

    /* stdio, with the big file still there less its last 64 KiB: room
     * for fopen's buffer, then fwrite runs out (the big file's blocks
     * use memory up to its last 4 KiB) */
    fd = OK(open("/fill/big", O_WRONLY));
    OK(ftruncate(fd, first - CHUNK));
    OK(close(fd));
    f = fopen("/fill/stdio", "w");
    CHECK(f != NULL);
    if (f) {
        do
            got = fwrite(chunk, 1, CHUNK, f);
        while (got == CHUNK);
        CHECK(ferror(f));
        EQ(errno, ENOMEM);
        errno = 0;
        CHECK(fclose(f) == 0 || errno == ENOMEM);
        OK(access("/fill/stdio", F_OK));
        OK(unlink("/fill/stdio"));
    }

    /* names: small files until nothing more fits */
    OK(unlink("/fill/big"));
    for (n = 0;; n++) {
        snprintf(name, sizeof name, "/fill/file-with-a-longer-name-%06d", n);
        errno = 0;
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            break;
        k = (int)write(fd, "some bytes", 10);
        e = errno;
        OK(close(fd));
        if (k != 10) {
            errno = e;
            break;
        }
    }
    EQ(errno, ENOMEM);
    CHECK(n > 1000);
    /* the crumbs a file's data block did not fit in: directories, then
     * symlinks, until neither fits */
    for (dirs = 0;; dirs++) {
        snprintf(name, sizeof name, "/fill/d%06d", dirs);
        errno = 0;
        if (mkdir(name, 0755) < 0)
            break;
    }
    EQ(errno, ENOMEM);
    for (links = 0;; links++) {
        snprintf(name, sizeof name, "/fill/s%06d", links);
        errno = 0;
        if (symlink("/some/target/of/a/length", name) < 0)
            break;
    }
    EQ(errno, ENOMEM);
    ERR(mkdir("/fill/d", 0755), ENOMEM);
    ERR(symlink("/some/target/of/a/length", "/fill/s"), ENOMEM);
    ERR(access("/fill/d", F_OK), ENOENT);
    ERR(access("/fill/s", F_OK), ENOENT);
    printf("names: %d files, then %d directories and %d symlinks, before "
           "memory ran out\n", n, dirs, links);
    for (k = 0; k <= n; k++) {
        snprintf(name, sizeof name, "/fill/file-with-a-longer-name-%06d", k);
        if (unlink(name) && errno != ENOENT)
            check_fail(__LINE__, name, strerror(errno));
    }
    for (k = 0; k < dirs; k++) {
        snprintf(name, sizeof name, "/fill/d%06d", k);
        OK(rmdir(name));
    }
    for (k = 0; k < links; k++) {
        snprintf(name, sizeof name, "/fill/s%06d", k);
        OK(unlink(name));
    }
    STREQ(check_listing("/fill"), before);
    OK(rmdir("/fill")); /* and the directory's table of 60000 names */
    OK(mkdir("/fill", 0755));

    /* everything freed: the same fits again */
    again = fill("/fill/big", &shorts);
    CHECK(again >= first - CHUNK);
    holds("/fill/big", again);
    OK(unlink("/fill/big"));
    OK(mkdir("/fill/d", 0755));
    OK(symlink("/some/target", "/fill/s"));
    STREQ(check_listing("/fill"), ". .. d s");
    printf("again: %lld bytes\n", again);

    /* sbrk: memory cannot shrink and grows by whole pages: errors */
    errno = 0;
    CHECK(sbrk(-65536) == (void *)-1 && errno == EINVAL);
    errno = 0;
    CHECK(sbrk(100) == (void *)-1 && errno == EINVAL);
    return DONE();
}
