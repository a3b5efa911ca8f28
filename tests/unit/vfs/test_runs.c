/* test_runs.c - runs: a write over several holes of a leaf makes their
 * blocks in one allocation, end to end; reads and writes over them copy
 * once; truncation into a run shrinks it, whether the allocator moves it,
 * keeps it or refuses; a run that cannot be made falls back to a block at
 * a time. Every case compares the file with a byte array written alike. */
#include <malloc.h>

#include "vfs_test.h"

#define BLK 4096
#define LEAF (256 * BLK) /* bytes under one leaf */
#define NODE (256 * sizeof(void *))
#define SIZE (LEAF + 40 * BLK) /* a leaf and a bit of the next */

static unsigned char ref[SIZE + BLK], buf[SIZE + BLK], back[SIZE + BLK];

/* The allocator: test_realloc's counting and failing, and what a shrink
 * does: SHRINK_KEEP leaves it to realloc (glibc's shrinks in place),
 * SHRINK_MOVE always moves to a new allocation, SHRINK_FAIL refuses. */
enum shrink { SHRINK_KEEP, SHRINK_MOVE, SHRINK_FAIL };
static struct {
    struct test_alloc a;
    enum shrink shrink;
    size_t fail_over; /* fail allocations of more than this; 0: none */
    long shrinks;
} mem;

static void *runs_realloc(void *ctx, void *ptr, size_t size)
{
    void *p;

    (void)ctx;
    if (size && mem.fail_over && size > mem.fail_over)
        return NULL;
    if (!ptr || !size || mem.shrink == SHRINK_KEEP ||
        malloc_usable_size(ptr) <= size) /* not a shrink */
        return test_realloc(&mem.a, ptr, size);
    mem.shrinks++;
    if (mem.shrink == SHRINK_FAIL)
        return NULL;
    if (!(p = test_realloc(&mem.a, NULL, size)))
        return NULL;
    memcpy(p, ptr, size); /* a shrink: size is below the old size */
    test_realloc(&mem.a, ptr, 0);
    return p;
}

static struct vfs *mkfs_runs(enum shrink shrink)
{
    struct vfs_config cfg;

    memset(&cfg, 0, sizeof cfg);
    memset(&mem, 0, sizeof mem);
    mem.shrink = shrink;
    cfg.realloc = runs_realloc;
    return mkfs_cfg(&cfg);
}

/* A filesystem on the allocator above with /f open read-write in *fd,
 * and ref zeroed. */
static struct vfs *start(enum shrink shrink, int *fd)
{
    struct vfs *fs = mkfs_runs(shrink);
    *fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    ck_assert_int_ge(*fd, 0);
    memset(ref, 0, sizeof ref);
    return fs;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 31 + seed + (i >> 12));
}

/* Writes n bytes of pattern seed at off into the file and into ref. */
static void put(struct vfs *fs, int fd, int64_t off, size_t n, unsigned seed)
{
    fill(buf, n, seed);
    EQ(vfs_pwrite(fs, fd, buf, n, off), (ssize_t)n);
    memcpy(ref + off, buf, n);
}

/* The file reads back as ref's first size bytes, whole and in pieces
 * that start and end inside blocks, runs and leaves. */
static void same(struct vfs *fs, int fd, int64_t size)
{
    static const int64_t at[] = {0, 1, BLK - 1, BLK, 3 * BLK + 5,
                                 16 * BLK - 3, LEAF - BLK - 7, LEAF - 1,
                                 LEAF + 2 * BLK};
    static const size_t len[] = {1, 100, BLK, BLK + 1, 3 * BLK - 2,
                                 17 * BLK + 9, 2 * LEAF};
    size_t a, l;

    EQ(vfs_pread(fs, fd, back, SIZE, 0), (ssize_t)size);
    EQ(memcmp(back, ref, (size_t)size), 0);
    for (a = 0; a < sizeof at / sizeof *at; a++)
        for (l = 0; l < sizeof len / sizeof *len; l++) {
            int64_t want = at[a] >= size ? 0
                           : size - at[a] < (int64_t)len[l] ? size - at[a]
                                                            : (int64_t)len[l];
            if (len[l] > sizeof back)
                continue;
            EQ(vfs_pread(fs, fd, back, len[l], at[a]), (ssize_t)want);
            ck_assert_msg(!memcmp(back, ref + at[a], (size_t)want),
                          "read of %zu at %lld", len[l], (long long)at[a]);
        }
    CHECK_FS(fs);
}

static int64_t blocks_of(struct vfs *fs, int fd)
{
    struct vfs_stat st;
    EQ(vfs_fstat(fs, fd, &st), 0);
    return st.blocks;
}

/* One write over holes: one allocation for the blocks of each leaf it
 * covers whole; writes over the run at every alignment. */
START_TEST(one_allocation_per_leaf)
{
    int fd;
    struct vfs *fs = start(SHRINK_KEEP, &fd);
    long before;

    put(fs, fd, 0, 10, 1); /* block 0 alone (16 bytes): height 0 */
    before = mem.a.calls;
    /* blocks 1 .. 255: a root node, which is their leaf, and one run;
     * 256 .. 295: a new root, a leaf under it, and one run */
    put(fs, fd, BLK, SIZE - BLK, 2);
    EQ(mem.a.calls - before, 2 + 3);
    EQ(blocks_of(fs, fd), (16 + SIZE - BLK + 3 * (int64_t)NODE + 511) / 512);
    same(fs, fd, SIZE);
    /* over the run: nothing new is allocated */
    before = mem.a.calls;
    put(fs, fd, BLK + 5, 20 * BLK, 3);
    put(fs, fd, LEAF - 2 * BLK - 1, 5 * BLK + 2, 4); /* across two runs */
    put(fs, fd, 7 * BLK + 9, 1, 5);
    EQ(mem.a.calls, before);
    same(fs, fd, SIZE);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/f", 0), 0);
    vfs_destroy(fs);
    EQ(mem.a.live, 0);
}
END_TEST

/* A write that starts inside a block, or covers one hole, or ends short
 * of a block, makes those blocks one by one; the holes between runs
 * read as zeros and take runs of their own. */
START_TEST(partial_blocks_and_holes)
{
    int fd;
    struct vfs *fs = start(SHRINK_KEEP, &fd);
    long before;

    put(fs, fd, 20 * BLK, 1, 1); /* the leaf exists */
    before = mem.a.calls;
    put(fs, fd, 3 * BLK + 1, 2 * BLK - 1, 2); /* blocks 3, 4: no run */
    EQ(mem.a.calls - before, 2);
    before = mem.a.calls;
    put(fs, fd, 10 * BLK, 3 * BLK + 100, 3); /* 10 .. 12 a run, 13 alone */
    EQ(mem.a.calls - before, 2);
    before = mem.a.calls;
    put(fs, fd, 14 * BLK, 8 * BLK, 4); /* 14 .. 19, 20 held, 21 */
    EQ(mem.a.calls - before, 2);
    EQ(blocks_of(fs, fd), (14 * BLK + (int64_t)NODE) / 512);
    same(fs, fd, 22 * BLK);
    /* a hole, at the end of a leaf and past the end of file */
    EQ(vfs_ftruncate(fs, fd, SIZE), 0);
    same(fs, fd, SIZE);
    vfs_destroy(fs);
    EQ(mem.a.live, 0);
}
END_TEST

/* Truncation into a run keeps its first blocks and gives back the rest,
 * whatever the allocator does with the shrink; what is cut reads as
 * zeros after a regrowth, and the run's memory is freed once. */
static void truncate_into_a_run(enum shrink shrink)
{
    int fd;
    struct vfs *fs = start(shrink, &fd);
    int64_t end = 6 * BLK + 100;

    put(fs, fd, 0, 64 * BLK, 1); /* block 0; a run of 1 .. 63 */
    EQ(vfs_ftruncate(fs, fd, end), 0);
    EQ(mem.shrinks, shrink == SHRINK_KEEP ? 0 : 1);
    memset(ref + end, 0, sizeof ref - (size_t)end);
    EQ(blocks_of(fs, fd), (7 * BLK + (int64_t)NODE) / 512);
    same(fs, fd, end);
    /* the tail of the last kept block is zero, the cut blocks holes */
    EQ(vfs_ftruncate(fs, fd, 40 * BLK), 0);
    EQ(blocks_of(fs, fd), (7 * BLK + (int64_t)NODE) / 512);
    same(fs, fd, 40 * BLK);
    /* a run over the holes, then a cut at a run's head and at its end */
    put(fs, fd, 7 * BLK, 20 * BLK, 2);
    same(fs, fd, 40 * BLK);
    EQ(vfs_ftruncate(fs, fd, 7 * BLK), 0);
    memset(ref + 7 * BLK, 0, sizeof ref - 7 * BLK);
    same(fs, fd, 7 * BLK);
    EQ(vfs_ftruncate(fs, fd, 2 * BLK), 0);
    memset(ref + 2 * BLK, 0, sizeof ref - 2 * BLK);
    same(fs, fd, 2 * BLK);
    EQ(blocks_of(fs, fd), (2 * BLK + (int64_t)NODE) / 512);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
    EQ(mem.a.live, 0);
}

START_TEST(truncate_shrinks_in_place)
{
    truncate_into_a_run(SHRINK_KEEP);
}
END_TEST

START_TEST(truncate_shrink_moves)
{
    truncate_into_a_run(SHRINK_MOVE);
}
END_TEST

START_TEST(truncate_shrink_refused)
{
    truncate_into_a_run(SHRINK_FAIL);
}
END_TEST

/* When a run's allocation fails, the write makes its blocks one by one
 * and writes them all: a run is never the reason a write is short. */
START_TEST(run_allocation_fails)
{
    int fd;
    struct vfs *fs = start(SHRINK_KEEP, &fd);
    long before;

    put(fs, fd, 0, 1, 1);
    mem.fail_over = NODE > BLK ? NODE : BLK;
    before = mem.a.calls;
    put(fs, fd, BLK, 32 * BLK, 2);
    /* the root node twice (the run's try frees its own), each block */
    EQ(mem.a.calls - before, 2 + 32);
    mem.fail_over = 0;
    same(fs, fd, 33 * BLK);
    vfs_destroy(fs);
    EQ(mem.a.live, 0);
}
END_TEST

/* Near the size limit a write over holes writes the blocks that fit and
 * is short, as a block at a time would be; the next write fails whole. */
START_TEST(run_over_the_limit)
{
    struct vfs_config cfg;
    struct vfs *fs;
    struct vfs_statvfs sv;
    int fd;
    ssize_t n;
    int64_t room;

    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 512 * 1024;
    fs = mkfs_cfg(&cfg);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    memset(ref, 0, sizeof ref);
    put(fs, fd, 0, BLK, 1);
    put(fs, fd, BLK, BLK, 1); /* the leaf */
    EQ(vfs_statvfs(fs, &sv), 0);
    room = (int64_t)(sv.bfree * sv.bsize) / BLK; /* whole blocks left */
    ck_assert_int_gt(room, 2);
    ck_assert_int_lt(room, 200);
    fill(buf, 200 * BLK, 2);
    n = vfs_pwrite(fs, fd, buf, 200 * BLK, 2 * BLK);
    EQ(n, room * BLK);
    memcpy(ref + 2 * BLK, buf, (size_t)n);
    EQ(vfs_pwrite(fs, fd, buf, 2 * BLK, (2 + room) * BLK), -ENOSPC);
    same(fs, fd, (2 + room) * BLK);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("runs");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, one_allocation_per_leaf);
    ADD(tc, partial_blocks_and_holes);
    ADD(tc, truncate_shrinks_in_place);
    ADD(tc, truncate_shrink_moves);
    ADD(tc, truncate_shrink_refused);
    ADD(tc, run_allocation_fails);
    ADD(tc, run_over_the_limit);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
