/*
 * bulk.c - bulk I/O workloads, the same source natively, on wasm32-wasi
 * and on wasm32-wasi-vfs.
 *
 *   bulk seq    ROOT SIZE CHUNK [AT]
 *                                write a new file of SIZE bytes in CHUNK-
 *                                byte writes (open to close), read it
 *                                back in CHUNK-byte reads, then write it
 *                                again over its own bytes (no truncation);
 *                                the buffer of the reads and rewrites
 *                                starts AT bytes (0 to 4095) past a 4 KiB
 *                                boundary, or where malloc puts it
 *   bulk random ROOT SIZE N      on a file of SIZE bytes (written first,
 *                                not timed): N preads of 4 KiB, then N
 *                                pwrites of 4 KiB, at random 4 KiB-aligned
 *                                offsets
 *   bulk append ROOT N           N one-byte writes to a file opened with
 *                                O_APPEND
 *   bulk memcpy ROOT SIZE CHUNK  the reference: memcpy of CHUNK-byte
 *                                pieces into a SIZE-byte area just
 *                                allocated (its pages fault in), then into
 *                                and out of it again (no file; ROOT unused)
 *   bulk memcpy-random ROOT SIZE N
 *                                the reference for random: N memcpy of
 *                                4 KiB into and out of random 4 KiB-aligned
 *                                places of such an area
 *   bulk memcpy-sizes ROOT N     N memcpy of each of 16 to 4096 bytes
 *                                between random places of a 1 MiB area
 *                                (touched first): what a copy of each
 *                                size costs (ref.memcpy_size_16, ...)
 *
 * Sizes take K and M suffixes (64K, 256M). Result names carry the chunk
 * in KiB (bulk.write_64k).
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

#define PAGE 4096

static void fill(unsigned char *b, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        b[i] = (unsigned char)(i * 31 + seed);
}

static void mkdir_ok(const char *path)
{
    if (mkdir(path, 0755) && errno != EEXIST)
        bench_die("mkdir %s", path);
}

/* Writes size bytes of buf (chunk bytes, repeated) to a new file. */
static void write_file(const char *path, const unsigned char *buf,
                       long chunk, long size)
{
    long done;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        bench_die("open %s", path);
    for (done = 0; done < size; done += chunk)
        if (write(fd, buf, (size_t)chunk) != chunk)
            bench_die("write %s", path);
    if (close(fd))
        bench_die("close %s", path);
}

/* The buffer of seq's reads and rewrites: at bytes past a page boundary
 * (0 .. PAGE - 1), or malloc's own placement when at < 0. *area is what
 * to free. A copy's speed can hang on where its source and destination
 * lie in their pages (bench/RESULTS.md, "Where the buffer lies"). */
static unsigned char *placed(long chunk, long at, unsigned char **area)
{
    if (at < 0)
        return *area = malloc((size_t)chunk);
    if (!(*area = malloc((size_t)chunk + 2 * PAGE)))
        return NULL;
    return *area + (PAGE - (uintptr_t)*area % PAGE) + at;
}

static void seq(const char *root, long size, long chunk, long at)
{
    char path[256], name[64];
    unsigned char *area, *buf = malloc((size_t)chunk),
                         *in = placed(chunk, at, &area);
    long done;
    struct bench_t t;
    int fd;

    if (!buf || !in)
        bench_die("malloc");
    fill(buf, (size_t)chunk, 7);
    snprintf(path, sizeof path, "%s/seq", root);

    t = bench_now();
    write_file(path, buf, chunk, size);
    snprintf(name, sizeof name, "bulk.write_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);

    t = bench_now();
    if ((fd = open(path, O_RDONLY)) < 0)
        bench_die("open %s", path);
    for (done = 0; done < size; done += chunk) {
        if (read(fd, in, (size_t)chunk) != chunk)
            bench_die("read %s", path);
        if (in[done % chunk] != buf[done % chunk]) /* a cheap check */
            bench_die("read %s: wrong data at %ld", path, done);
    }
    if (read(fd, in, 1) != 0 || close(fd))
        bench_die("read %s: no end of file", path);
    snprintf(name, sizeof name, "bulk.read_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);
    if (memcmp(in, buf, (size_t)chunk))
        bench_die("read %s: wrong data in the last chunk", path);

    /* the same writes over the file's own bytes: no new memory */
    t = bench_now();
    if ((fd = open(path, O_WRONLY)) < 0)
        bench_die("open %s", path);
    for (done = 0; done < size; done += chunk)
        if (write(fd, in, (size_t)chunk) != chunk)
            bench_die("write %s", path);
    if (close(fd))
        bench_die("close %s", path);
    snprintf(name, sizeof name, "bulk.rewrite_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);
    if (unlink(path))
        bench_die("unlink %s", path);
    free(buf);
    free(area);
}

static void random_io(const char *root, long size, long n)
{
    char path[256];
    unsigned char *buf = malloc(1 << 20), page[PAGE];
    unsigned long long s = 88172645463325252ull;
    long pages = size / PAGE, i;
    struct bench_t t;
    int fd;

    if (!buf || size < (1 << 20))
        bench_die("random: size below 1M, or malloc");
    fill(buf, 1 << 20, 3);
    snprintf(path, sizeof path, "%s/random", root);
    write_file(path, buf, 1 << 20, size);
    if ((fd = open(path, O_RDWR)) < 0)
        bench_die("open %s", path);

    t = bench_now();
    for (i = 0; i < n; i++) {
        off_t off = (off_t)(bench_rand(&s) % (unsigned long long)pages) * PAGE;
        if (pread(fd, page, PAGE, off) != PAGE)
            bench_die("pread %s", path);
    }
    bench_report("bulk.pread_4k", (double)n, "op", t);
    if (memcmp(page, buf, PAGE)) /* every 4 KiB of the file is the same */
        bench_die("pread %s: wrong data", path);

    fill(page, PAGE, 5);
    t = bench_now();
    for (i = 0; i < n; i++) {
        off_t off = (off_t)(bench_rand(&s) % (unsigned long long)pages) * PAGE;
        if (pwrite(fd, page, PAGE, off) != PAGE)
            bench_die("pwrite %s", path);
    }
    bench_report("bulk.pwrite_4k", (double)n, "op", t);
    if (close(fd) || unlink(path))
        bench_die("close %s", path);
    free(buf);
}

static void append(const char *root, long n)
{
    char path[256];
    struct stat st;
    long i;
    struct bench_t t;
    int fd;

    snprintf(path, sizeof path, "%s/append", root);
    t = bench_now();
    if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644)) < 0)
        bench_die("open %s", path);
    for (i = 0; i < n; i++)
        if (write(fd, "x", 1) != 1)
            bench_die("write %s", path);
    if (close(fd))
        bench_die("close %s", path);
    bench_report("bulk.append", (double)n, "op", t);
    if (stat(path, &st) || st.st_size != n)
        bench_die("stat %s: size %ld, not %ld", path, (long)st.st_size, n);
    if (unlink(path))
        bench_die("unlink %s", path);
}

/* memcpy is the C library's in WebAssembly (wasm32-wasi: wasi-libc's, a C
 * loop; wasm32-wasi-vfs: memory.copy from 128 bytes on, as the vfs core's
 * copies use); built with -mbulk-memory it is the memory.copy instruction
 * whatever the size, and the results are named ref.memorycopy_*. */
#ifdef __wasm_bulk_memory__
#define COPY_NAME "ref.memorycopy"
#else
#define COPY_NAME "ref.memcpy"
#endif

static void copy(long size, long chunk)
{
    unsigned char *area = malloc((size_t)size), *buf = malloc((size_t)chunk);
    char name[64];
    long done;
    struct bench_t t;

    if (!area || !buf)
        bench_die("malloc");
    fill(buf, (size_t)chunk, 9);
    /* into memory never touched before: every page faults in first */
    t = bench_now();
    for (done = 0; done < size; done += chunk)
        memcpy(area + done, buf, (size_t)chunk);
    snprintf(name, sizeof name, COPY_NAME "_fresh_in_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);
    t = bench_now();
    for (done = 0; done < size; done += chunk)
        memcpy(area + done, buf, (size_t)chunk);
    snprintf(name, sizeof name, COPY_NAME "_in_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);
    t = bench_now();
    for (done = 0; done < size; done += chunk)
        memcpy(buf, area + done, (size_t)chunk);
    snprintf(name, sizeof name, COPY_NAME "_out_%ldk", chunk >> 10);
    bench_report(name, (double)size, "B", t);
    if (buf[0] != area[0])
        bench_die("memcpy: wrong data");
    free(area);
    free(buf);
}

/* The reference for random 4 KiB I/O: n copies of 4 KiB into and out of
 * random 4 KiB-aligned places of a SIZE-byte area (the generator and
 * offsets of random_io). */
static void copy_random(long size, long n)
{
    unsigned char *area = malloc((size_t)size), page[PAGE];
    unsigned long long s = 88172645463325252ull;
    long pages = size / PAGE, i;
    struct bench_t t;

    if (!area || !pages)
        bench_die("malloc");
    memset(area, 1, (size_t)size);
    fill(page, PAGE, 5);
    t = bench_now();
    for (i = 0; i < n; i++)
        memcpy(page, area + (bench_rand(&s) % (unsigned long long)pages) * PAGE,
               PAGE);
    bench_report(COPY_NAME "_random_out_4k", (double)n, "op", t);
    t = bench_now();
    for (i = 0; i < n; i++)
        memcpy(area + (bench_rand(&s) % (unsigned long long)pages) * PAGE, page,
               PAGE);
    bench_report(COPY_NAME "_random_in_4k", (double)n, "op", t);
    if (page[0] != 1)
        bench_die("memcpy: wrong data");
    free(area);
}

/* The cost of one copy by size: n copies of each size from the upper half
 * of a touched 1 MiB area to its lower quarter, at places that move by an
 * odd stride. The sizes are read
 * through a volatile so that no copy has a size known at compile time. */
static void copy_sizes(long n)
{
    static volatile long sizes[] = {16, 64, 128, 192, 256, 1024, 4096};
    enum { AREA = 1 << 20 };
    unsigned char *area = malloc(AREA);
    unsigned long off = 0;
    size_t k;
    char name[64];
    long i, sz;
    struct bench_t t;

    if (!area)
        bench_die("malloc");
    fill(area, AREA, 3);
    for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        sz = sizes[k];
        t = bench_now();
        for (i = 0; i < n; i++) {
            off = (off + 40961) & (AREA / 4 - 1);
            memcpy(area + off, area + AREA / 2 + (off ^ 8192), (size_t)sz);
        }
        snprintf(name, sizeof name, COPY_NAME "_size_%ld", sz);
        bench_report(name, (double)n, "op", t);
    }
    free(area);
}

/* seq's AT: 0 .. PAGE - 1. */
static long page_offset(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0 || v >= PAGE) {
        fprintf(stderr, "bench: bad offset %s (0 to %d)\n", s, PAGE - 1);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    const char *w = argc > 2 ? argv[1] : "";
    const char *root = argc > 2 ? argv[2] : "";

    if (!strcmp(w, "seq")) {
        mkdir_ok(root);
        seq(root, bench_arg(argv, argc, 3), bench_arg(argv, argc, 4),
            argc > 5 ? page_offset(argv[5]) : -1);
    } else if (!strcmp(w, "random")) {
        mkdir_ok(root);
        random_io(root, bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else if (!strcmp(w, "append")) {
        mkdir_ok(root);
        append(root, bench_arg(argv, argc, 3));
    } else if (!strcmp(w, "memcpy")) {
        copy(bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else if (!strcmp(w, "memcpy-random")) {
        copy_random(bench_arg(argv, argc, 3), bench_arg(argv, argc, 4));
    } else if (!strcmp(w, "memcpy-sizes")) {
        copy_sizes(bench_arg(argv, argc, 3));
    } else {
        fprintf(stderr, "usage: bulk seq|random|append|memcpy|memcpy-random|"
                        "memcpy-sizes ROOT N...\n");
        return 2;
    }
    return 0;
}
