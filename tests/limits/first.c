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
 * and after freeing the memory, the filesystem is made at the next call,
 * with descriptors 0, 1, 2 open, and everything works.
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

/* Allocates blocks of size bytes, then smaller ones, until none fits. */
static size_t exhaust(void)
{
    size_t size, total = 0;
    struct block *b;

    for (size = 65536; size >= sizeof *b; size /= 2)
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
    int p[2], fd;
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

    release();
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
