/*
 * first.c - memory gone before the filesystem exists: a wasm32-wasi-vfs
 * module linked with a small memory maximum (-Wl,--max-memory) allocates
 * every byte it can before its first file call. Then:
 *   - every call that needs the filesystem fails with ENOMEM (open, fopen,
 *     stat, mkdir, opendir, getcwd, chdir, dup, pipe, realpath), never a
 *     trap;
 *   - calls that need none still work: printf to the standard output (the
 *     host's until the filesystem exists), umask (kept for the
 *     filesystem: it starts with the mask set here);
 * then memory comes back a little at a time: each call gets further in
 * making the filesystem (ENOMEM until it is whole), and what it ends with
 * is made once and whole: the seven devices, descriptors 0, 1, 2 open
 * for reading, writing, writing; and everything works.
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

/* A block of the allocation chain: each holds the one before. */
struct block {
    struct block *next;
};

static struct block *chain;

/* Allocates blocks of 64 KiB, then of 64 bytes, until none fits: freed
 * last first, the small ones give memory back a little at a time. */
static size_t exhaust(void)
{
    size_t size, total = 0;
    struct block *b;

    for (size = 65536; size >= 64; size /= 1024)
        while ((b = malloc(size))) {
            b->next = chain;
            chain = b;
            total += size;
        }
    return total;
}

static void release(void)
{
    while (chain) {
        struct block *b = chain;
        chain = b->next;
        free(b);
    }
}

int main(void)
{
    char buf[64];
    struct stat st;
    int p[2], fd, tries;
    size_t took;
    FILE *f;

    took = exhaust();
    printf("took %zu bytes; the standard output still works\n", took);
    errno = 0;
    CHECK(fopen("/tmp/a", "w") == NULL && errno == ENOMEM);
    ERR(open("/tmp/a", O_WRONLY | O_CREAT, 0644), ENOMEM);
    ERR(stat("/", &st), ENOMEM);
    ERR(mkdir("/x", 0755), ENOMEM);
    errno = 0;
    CHECK(opendir("/") == NULL && errno == ENOMEM);
    errno = 0;
    CHECK(getcwd(buf, sizeof buf) == NULL && errno == ENOMEM);
    ERR(chdir("/tmp"), ENOMEM);
    ERR(dup(1), ENOMEM);
    ERR(pipe(p), ENOMEM);
    errno = 0;
    CHECK(realpath("/tmp", buf) == NULL && errno == ENOMEM);
    EQ(umask(077), 022);
    EQ(umask(027), 077);
    EQ(write(1, "write(1) works\n", 15), 15);

    /* memory back 64 bytes at a time: each try gets a little further in
     * making the filesystem, and goes on from there */
    tries = 0;
    for (;;) {
        struct block *b = chain;
        if (!b)
            break;
        chain = b->next;
        free(b);
        errno = 0;
        if (stat("/", &st) == 0)
            break;
        EQ(errno, ENOMEM);
        tries++;
    }
    printf("%d calls failed with ENOMEM while memory came back\n", tries);
    CHECK(tries > 20);
    /* made once, and whole (a step made twice would fail for ever with
     * EEXIST, or leave descriptor 3 open): descriptors 0, 1, 2, then,
     * with memory for a listing, the devices */
    EQ(fcntl(0, F_GETFL) & O_ACCMODE, O_RDONLY);
    EQ(fcntl(1, F_GETFL) & O_ACCMODE, O_WRONLY);
    EQ(fcntl(2, F_GETFL) & O_ACCMODE, O_WRONLY);
    ERR(fcntl(3, F_GETFL), EBADF);
    EQ(write(1, "stdout, now the filesystem's\n", 29), 29);
    release();
    STREQ(check_listing("/dev"),
          ". .. null random stderr stdin stdout urandom zero");
    f = fopen("/tmp/a", "w");
    CHECK(f != NULL);
    if (f) {
        fputs("after\n", f);
        OK(fclose(f));
    }
    OK(stat("/tmp/a", &st));
    EQ(st.st_mode & 0777, 0640); /* 0666 less the umask set before */
    EQ(umask(022), 027);
    fd = OK(open("/tmp/a", O_RDONLY));
    EQ(read(fd, buf, sizeof buf), 6);
    OK(close(fd));
    OK(fstat(0, &st));
    OK(fstat(1, &st));
    OK(fstat(2, &st));
    STREQ(getcwd(buf, sizeof buf), "/");
    OK(mkdir("/x", 0755));
    OK(chdir("/x"));
    STREQ(getcwd(buf, sizeof buf), "/x");
    printf("after freeing: the filesystem works\n");
    return DONE();
}
