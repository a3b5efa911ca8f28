/*
 * config.c - the limits a link sets (the driver's --vfs-max-open-files,
 * --vfs-max-bytes, --vfs-max-inodes; vfs/LIMITS.md), inside a
 * wasm32-wasi-vfs module. Built with OPEN_FILES, BYTES and INODES defined
 * to the values the link was given:
 *   - descriptors 0 .. OPEN_FILES-1, then EMFILE (open, dup, pipe, fopen,
 *     opendir); dup2 past them is EBADF; the current directory still
 *     works (chdir, relative names) with the table full;
 *   - statvfs reports the limits: f_files INODES, f_blocks BYTES/4096;
 *   - files until ENOSPC: exactly the free inodes statvfs reported;
 *   - bytes until ENOSPC: file data takes whole 4 KiB blocks, so a write
 *     that fits partly is short, the next one fails; the file holds what
 *     was reported written, all the free blocks statvfs reported;
 *   - after removing it all, the same fits again.
 * Prints a summary (tests/overlay/check.h); exits 1 if a check failed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "check.h"

#if !defined(OPEN_FILES) || !defined(BYTES) || !defined(INODES)
#error "build with -DOPEN_FILES=, -DBYTES= and -DINODES= as linked"
#endif

static void descriptors(void)
{
    char cwd[64];
    int fd, n = 0, p[2];

    OK(mkdir("/d", 0755));
    OK(chdir("/d"));
    /* a directory, so that making it takes no descriptor: with
     * OPEN_FILES 3 the standard streams hold them all */
    OK(mkdir("f", 0755));
    for (;;) {
        errno = 0;
        fd = open("f", O_RDONLY);
        if (fd < 0)
            break;
        EQ(fd, 3 + n);
        n++;
    }
    EQ(errno, EMFILE);
    EQ(n, OPEN_FILES - 3);
    ERR(dup(0), EMFILE);
    ERR(pipe(p), EMFILE);
    errno = 0;
    CHECK(fopen("f", "r") == NULL && errno == EMFILE);
    errno = 0;
    CHECK(opendir(".") == NULL && errno == EMFILE);
    ERR(dup2(3, OPEN_FILES), EBADF);
    /* the current directory is no descriptor of the program's */
    OK(mkdir("sub", 0755));
    OK(chdir("sub"));
    STREQ(getcwd(cwd, sizeof cwd), "/d/sub");
    OK(chdir(".."));
    OK(access("f", R_OK));
    OK(close(OPEN_FILES - 1));
    EQ(open("f", O_RDONLY), OPEN_FILES - 1);
    /* with OPEN_FILES 3 that was stderr's: the rest has one descriptor */
    OK(close(OPEN_FILES - 1));
    for (fd = 3; fd < OPEN_FILES - 1; fd++)
        OK(close(fd));
    OK(rmdir("sub"));
    OK(rmdir("f"));
    OK(chdir("/"));
    OK(rmdir("/d"));
}

/* Makes files /i/N until one fails; returns how many were made. */
static int files(void)
{
    char name[32];
    int n, fd;

    for (n = 0;; n++) {
        snprintf(name, sizeof name, "/i/%d", n);
        errno = 0;
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            break;
        OK(close(fd));
    }
    EQ(errno, ENOSPC);
    return n;
}

static void inodes(void)
{
    struct statvfs v;
    char name[32];
    int n, k;

    OK(mkdir("/i", 0755));
    OK(statvfs("/", &v));
    EQ(v.f_files, INODES);
    n = files();
    EQ(n, v.f_ffree);
    ERR(mkdir("/i/dir", 0755), ENOSPC);
    ERR(symlink("x", "/i/link"), ENOSPC);
    ERR(open("/i/new", O_WRONLY | O_CREAT, 0644), ENOSPC);
    OK(statvfs("/", &v));
    EQ(v.f_ffree, 0);
    for (k = 0; k < n; k++) {
        snprintf(name, sizeof name, "/i/%d", k);
        OK(unlink(name));
    }
    EQ(files(), n); /* the same number fits again */
    for (k = 0; k < n; k++) {
        snprintf(name, sizeof name, "/i/%d", k);
        OK(unlink(name));
    }
    OK(rmdir("/i"));
}

/* Writes 1000-byte pieces to path until a write fails; returns the bytes
 * written (in *shorts the count of short writes). */
static long fill(const char *path, int *shorts)
{
    static char piece[1000];
    long total = 0;
    ssize_t w;
    int fd = OK(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644));

    memset(piece, 'x', sizeof piece);
    *shorts = 0;
    for (;;) {
        errno = 0;
        w = write(fd, piece, sizeof piece);
        if (w < 0)
            break;
        *shorts += w < (ssize_t)sizeof piece;
        total += w;
    }
    EQ(errno, ENOSPC);
    OK(close(fd));
    return total;
}

static void bytes(void)
{
    struct statvfs v;
    struct stat st;
    long first, again;
    int shorts;

    OK(statvfs("/", &v));
    EQ(v.f_bsize, 4096);
    EQ(v.f_blocks, BYTES / 4096);
    first = fill("/big", &shorts);
    /* all that was free, to the byte: names take some of the last block */
    CHECK(first > (long)(v.f_bfree - 1) * 4096 &&
          first <= (long)v.f_bfree * 4096);
    CHECK(shorts <= 1);
    OK(stat("/big", &st));
    EQ(st.st_size, first);
    /* a name takes bytes, not a block: it still fits in what is left */
    OK(mkdir("/more", 0755));
    OK(rmdir("/more"));
    OK(unlink("/big"));
    again = fill("/big", &shorts);
    EQ(again, first);
    OK(unlink("/big"));
    printf("bytes: %ld of %d written before ENOSPC\n", first, BYTES);
}

int main(void)
{
    descriptors();
    inodes();
    bytes();
    return DONE();
}
