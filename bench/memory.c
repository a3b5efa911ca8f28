/*
 * memory.c - what the vfs core holds in memory, measured through its
 * allocator hook (vfs_config.realloc): every block it asks for is counted
 * at the size it asked for ("requested") and at the size the C library's
 * allocator actually set aside (malloc_usable_size plus one size word of
 * header: "heap"). Built with the vfs sources natively and for wasm32-wasi
 * (the core as the vfs triple carries it: 32-bit pointers, dlmalloc).
 *
 *   memory N SIZE    N empty files in one directory; N files of 100
 *                    bytes in another; N more names (hard links) for one
 *                    file; one file of SIZE bytes written in 1 MiB pieces
 *
 * Prints "value NAME NUMBER UNIT" lines: bytes per empty file, per
 * 100-byte file, per directory entry, and the overhead of the big file in
 * percent of SIZE.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vfs.h>

static size_t requested, heap;

/* Requested sizes live in a header word before each block. */
static void *counting(void *ctx, void *p, size_t n)
{
    size_t *h = p ? (size_t *)p - 1 : NULL, *q;
    (void)ctx;
    if (h) {
        requested -= h[0];
        heap -= malloc_usable_size(h) - sizeof(size_t) + sizeof(size_t);
    }
    if (!n) {
        free(h);
        return NULL;
    }
    q = realloc(h, n + sizeof(size_t));
    if (!q) {
        if (h) { /* p is kept: count it again */
            requested += h[0];
            heap += malloc_usable_size(h);
        }
        return NULL;
    }
    q[0] = n;
    requested += n;
    /* the block less our header word, plus the allocator's own word */
    heap += malloc_usable_size(q) - sizeof(size_t) + sizeof(size_t);
    return q + 1;
}

static void value(const char *name, double v, const char *unit)
{
    printf("value %s %.1f %s\n", name, v, unit);
}

static void die(const char *what, long r)
{
    fprintf(stderr, "memory: %s: %ld\n", what, r);
    exit(1);
}

int main(int argc, char **argv)
{
    struct vfs_config cfg = {0};
    struct vfs *fs;
    size_t r0, h0, r1, h1;
    long n = argc > 2 ? atol(argv[1]) : 0, size = argc > 2 ? atol(argv[2]) : 0;
    long i, done;
    char name[64], *buf, small[100];
    int fd;

    if (n <= 0 || size <= 0) {
        fprintf(stderr, "usage: memory N SIZE\n");
        return 2;
    }
    memset(small, 'x', sizeof small);
    cfg.realloc = counting;
    cfg.max_bytes = (uint64_t)size * 2 + ((uint64_t)64 << 20);
    if (vfs_create(&cfg, &fs))
        die("vfs_create", -1);
    value("memory.fs_created", (double)requested, "B");
    if (vfs_mkdirat(fs, VFS_AT_ROOT, "/e", 0755) ||
        vfs_mkdirat(fs, VFS_AT_ROOT, "/s", 0755) ||
        vfs_mkdirat(fs, VFS_AT_ROOT, "/l", 0755))
        die("mkdir", -1);

    r0 = requested, h0 = heap;
    for (i = 0; i < n; i++) {
        snprintf(name, sizeof name, "/e/f%07ld", i); /* 8-byte names */
        if ((fd = vfs_openat(fs, VFS_AT_ROOT, name,
                             VFS_O_WRONLY | VFS_O_CREAT, 0644)) < 0)
            die("create", fd);
        vfs_close(fs, fd);
    }
    value("memory.empty_file", (double)(requested - r0) / n, "B");
    value("memory.empty_file_heap", (double)(heap - h0) / n, "B");

    r0 = requested, h0 = heap;
    for (i = 0; i < n; i++) {
        snprintf(name, sizeof name, "/s/f%07ld", i);
        if ((fd = vfs_openat(fs, VFS_AT_ROOT, name,
                             VFS_O_WRONLY | VFS_O_CREAT, 0644)) < 0)
            die("create", fd);
        if (vfs_write(fs, fd, small, sizeof small) != (ssize_t)sizeof small)
            die("write", i);
        vfs_close(fs, fd);
    }
    value("memory.small_file", (double)(requested - r0) / n, "B");
    value("memory.small_file_heap", (double)(heap - h0) / n, "B");

    r0 = requested, h0 = heap;
    for (i = 0; i < n; i++) {
        snprintf(name, sizeof name, "/l/f%07ld", i);
        if (vfs_linkat(fs, VFS_AT_ROOT, "/e/f0000000", VFS_AT_ROOT, name, 0))
            die("link", i);
    }
    value("memory.dir_entry", (double)(requested - r0) / n, "B");
    value("memory.dir_entry_heap", (double)(heap - h0) / n, "B");

    if (!(buf = malloc(1 << 20)))
        die("malloc", 0);
    memset(buf, 'x', 1 << 20);
    r0 = requested, h0 = heap;
    if ((fd = vfs_openat(fs, VFS_AT_ROOT, "/big", VFS_O_WRONLY | VFS_O_CREAT,
                         0644)) < 0)
        die("create /big", fd);
    for (done = 0; done < size; done += 1 << 20) {
        size_t k = size - done < (1 << 20) ? (size_t)(size - done) : 1 << 20;
        if (vfs_write(fs, fd, buf, k) != (ssize_t)k)
            die("write /big", done);
    }
    vfs_close(fs, fd);
    r1 = requested - r0, h1 = heap - h0;
    value("memory.big_file_overhead", 100.0 * ((double)r1 - size) / size, "%");
    value("memory.big_file_overhead_heap", 100.0 * ((double)h1 - size) / size,
          "%");
    vfs_destroy(fs);
    free(buf);
    if (requested || heap)
        die("not everything was freed", (long)requested);
    return 0;
}
