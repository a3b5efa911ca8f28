/* test_sparse.c - sparse files: the cost of a file follows the blocks
 * written, not their offsets (a radix tree of VFS__FAN-pointer nodes over
 * 4096-byte blocks, vfs_impl.h); holes read as zeros; truncation frees
 * nodes and lowers the tree; a write that fails at any allocation, or for
 * want of space, leaves the file as it was; fallocate counts what a write
 * would hold. */
#include "vfs_test.h"

#define BLOCK 4096
#define NODE (256 * sizeof(void *)) /* VFS__NODE */
#define FILE_MAX ((int64_t)1 << 44) /* VFS__FILE_MAX */

/* Bytes a file holds, from st_blocks: in 512-byte units, rounded up (a
 * block 0 of 16 bytes counts 512). */
static int64_t held(struct vfs *fs, const char *path)
{
    return st_of(fs, path, 0).blocks * 512;
}

static int mkfile(struct vfs *fs, const char *path)
{
    int fd = vfs_openat(fs, VFS_AT_ROOT, path,
                        VFS_O_RDWR | VFS_O_CREAT | VFS_O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    return fd;
}

static uint64_t bfree(struct vfs *fs)
{
    struct vfs_statvfs sv;
    EQ(vfs_statvfs(fs, &sv), 0);
    return sv.bfree;
}

/* One byte far out costs one block and the four nodes over it, under a
 * byte limit of 64 KiB: at 2^38, 2^40 and the last byte a file can have. */
START_TEST(far_writes_cost_a_block)
{
    static const int64_t offs[] = {(int64_t)1 << 38, (int64_t)1 << 40,
                                   FILE_MAX - 1};
    struct vfs_config cfg;
    struct vfs *fs;
    char buf[8];
    size_t i;

    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 64 * 1024;
    fs = mkfs_cfg(&cfg);
    for (i = 0; i < sizeof offs / sizeof *offs; i++) {
        uint64_t before = bfree(fs);
        int fd = mkfile(fs, "/f");
        EQ(vfs_pwrite(fs, fd, "x", 1, offs[i]), 1);
        EQ(st_of(fs, "/f", 0).size, offs[i] + 1);
        EQ(held(fs, "/f"), BLOCK + 4 * NODE);
        ck_assert_uint_le(before - bfree(fs), (BLOCK + 4 * NODE) / BLOCK + 1);
        memset(buf, 0x55, sizeof buf);
        EQ(vfs_pread(fs, fd, buf, sizeof buf, offs[i] - 7), 8);
        EQ(memcmp(buf, "\0\0\0\0\0\0\0x", 8), 0);
        EQ(vfs_pread(fs, fd, buf, 4, 0), 4); /* the hole before it */
        EQ(memcmp(buf, "\0\0\0\0", 4), 0);
        CHECK_FS(fs);
        EQ(vfs_close(fs, fd), 0);
        EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/f", 0), 0);
        EQ(bfree(fs), before);
    }
    vfs_destroy(fs);
}
END_TEST

START_TEST(efbig_past_the_limit)
{
    struct vfs *fs = mkfs();
    char buf[4];
    int fd = mkfile(fs, "/f");
    EQ(vfs_pwrite(fs, fd, "x", 1, FILE_MAX), -EFBIG);
    EQ(vfs_pwrite(fs, fd, "x", 1, INT64_MAX), -EFBIG);
    EQ(st_of(fs, "/f", 0).size, 0);
    EQ(held(fs, "/f"), 0);
    /* a write across the limit stops at it */
    EQ(vfs_pwrite(fs, fd, "yz", 2, FILE_MAX - 1), 1);
    EQ(st_of(fs, "/f", 0).size, FILE_MAX);
    EQ(vfs_pread(fs, fd, buf, 4, FILE_MAX - 2), 2);
    EQ(memcmp(buf, "\0y", 2), 0);
    EQ(vfs_ftruncate(fs, fd, FILE_MAX + 1), -EFBIG);
    EQ(vfs_fallocate(fs, fd, FILE_MAX - 1, 2), -EFBIG);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* Holes read as zeros: between blocks of one leaf, of different subtrees,
 * past every block but before the end, and across all of these at once. */
START_TEST(holes_read_zeros)
{
    static const int64_t offs[] = {10, 3 * BLOCK + 5, 300 * BLOCK + 7,
                                   ((int64_t)1 << 33) + 11,
                                   ((int64_t)1 << 41) - 2};
    static unsigned char buf[3 * BLOCK];
    struct vfs *fs = mkfs();
    size_t i, k;
    int fd = mkfile(fs, "/f");

    for (i = 0; i < sizeof offs / sizeof *offs; i++)
        EQ(vfs_pwrite(fs, fd, "ab", 2, offs[i]), 2);
    EQ(vfs_ftruncate(fs, fd, (int64_t)1 << 43), 0);
    CHECK_FS(fs);
    for (i = 0; i < sizeof offs / sizeof *offs; i++) {
        int64_t at = offs[i] - BLOCK - 3;
        if (at < 0)
            at = 0;
        memset(buf, 0x55, sizeof buf);
        EQ(vfs_pread(fs, fd, buf, sizeof buf, at), sizeof buf);
        for (k = 0; k < sizeof buf; k++) {
            int64_t pos = at + (int64_t)k;
            size_t j;
            int want = 0;
            for (j = 0; j < sizeof offs / sizeof *offs; j++)
                if (pos == offs[j] || pos == offs[j] + 1)
                    want = pos == offs[j] ? 'a' : 'b';
            ck_assert_msg(buf[k] == want, "byte %lld is %d", (long long)pos,
                          buf[k]);
        }
    }
    /* past every block, and the last bytes of the file */
    memset(buf, 0x55, sizeof buf);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, (int64_t)1 << 42), sizeof buf);
    for (k = 0; k < sizeof buf; k++)
        ck_assert_int_eq(buf[k], 0);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, ((int64_t)1 << 43) - 5), 5);
    for (k = 0; k < 5; k++)
        ck_assert_int_eq(buf[k], 0);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

/* Truncation frees the blocks past the end and the nodes left empty, and
 * lowers the tree: a file comes back to what it held before. */
START_TEST(truncate_frees_nodes)
{
    struct vfs *fs = mkfs();
    char buf[8];
    int fd = mkfile(fs, "/f");
    uint64_t empty = bfree(fs), small;

    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(held(fs, "/f"), 512); /* block 0 of 16 bytes */
    small = bfree(fs);
    /* far: 3 roots over block 0, and a path of 3 under the top one */
    EQ(vfs_pwrite(fs, fd, "x", 1, (int64_t)1 << 40), 1);
    EQ(held(fs, "/f"), 512 + BLOCK + 7 * NODE);
    EQ(vfs_ftruncate(fs, fd, FILE_MAX), 0); /* up: nothing held */
    EQ(held(fs, "/f"), 512 + BLOCK + 7 * NODE);
    EQ(vfs_ftruncate(fs, fd, (int64_t)1 << 40), 0);
    EQ(held(fs, "/f"), 512); /* down to block 0, the tree's root again */
    EQ(bfree(fs), small);
    EQ(vfs_pread(fs, fd, buf, 8, 0), 8);
    EQ(memcmp(buf, "abc\0\0\0\0\0", 8), 0);
    CHECK_FS(fs);

    /* two leaves under a root of height 2 */
    EQ(vfs_pwrite(fs, fd, "m", 1, 5 * BLOCK), 1);
    EQ(held(fs, "/f"), 512 + BLOCK + NODE);
    EQ(vfs_pwrite(fs, fd, "n", 1, 300 * BLOCK), 1);
    EQ(held(fs, "/f"), 512 + 2 * BLOCK + 3 * NODE);
    EQ(vfs_ftruncate(fs, fd, 300 * BLOCK + 1), 0); /* keeps them all */
    EQ(held(fs, "/f"), 512 + 2 * BLOCK + 3 * NODE);
    EQ(vfs_ftruncate(fs, fd, 256 * BLOCK), 0); /* the second leaf goes */
    EQ(held(fs, "/f"), 512 + BLOCK + NODE);
    EQ(vfs_ftruncate(fs, fd, 5 * BLOCK + 1), 0); /* the block stays */
    EQ(held(fs, "/f"), 512 + BLOCK + NODE);
    EQ(vfs_ftruncate(fs, fd, 5 * BLOCK), 0); /* down to block 0 */
    EQ(held(fs, "/f"), 512);
    CHECK_FS(fs);
    EQ(vfs_ftruncate(fs, fd, 0), 0);
    EQ(held(fs, "/f"), 0);
    EQ(bfree(fs), empty);

    /* block 0 a hole: a shrink into it frees every node */
    EQ(vfs_pwrite(fs, fd, "x", 1, (int64_t)1 << 20), 1);
    EQ(vfs_pwrite(fs, fd, "y", 1, ((int64_t)1 << 36) + 9), 1);
    EQ(held(fs, "/f"), 2 * BLOCK + 7 * NODE);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/f", 100), 0);
    EQ(held(fs, "/f"), 0);
    EQ(bfree(fs), empty);
    EQ(vfs_pread(fs, fd, buf, 8, 0), 8);
    EQ(memcmp(buf, "\0\0\0\0\0\0\0\0", 8), 0);
    /* a shrink inside a far block zeroes its tail, as always */
    EQ(vfs_pwrite(fs, fd, "abcdef", 6, (int64_t)1 << 40), 6);
    EQ(vfs_ftruncate(fs, fd, ((int64_t)1 << 40) + 2), 0);
    EQ(vfs_ftruncate(fs, fd, ((int64_t)1 << 40) + 6), 0);
    EQ(vfs_pread(fs, fd, buf, 8, (int64_t)1 << 40), 6);
    EQ(memcmp(buf, "ab\0\0\0\0", 6), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* A deep write: 8192 bytes across the top of the tree, in a file that
 * holds block 0 and block 5 (height 1). The first block needs three new
 * roots, three nodes under the top one and the block; the second three
 * nodes and the block. */
static long deep_write(struct vfs *fs)
{
    static char data[2 * BLOCK];
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_WRONLY, 0);
    long r;
    memset(data, 'd', sizeof data);
    ck_assert_int_ge(fd, 0);
    r = (long)vfs_pwrite(fs, fd, data, sizeof data,
                         ((int64_t)1 << 40) - BLOCK);
    EQ(vfs_close(fs, fd), 0);
    return r;
}

static struct vfs *deep_setup(struct test_alloc *mem, uint64_t max_bytes)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int fd;
    memset(&cfg, 0, sizeof cfg);
    cfg.realloc = test_realloc;
    cfg.alloc_ctx = mem;
    cfg.max_bytes = max_bytes;
    fs = mkfs_cfg(&cfg);
    fd = mkfile(fs, "/f");
    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(vfs_pwrite(fs, fd, "m", 1, 5 * BLOCK), 1);
    EQ(vfs_close(fs, fd), 0);
    return fs;
}

/* The file as deep_setup left it, with `far` bytes of deep_write. */
static void expect_file(struct vfs *fs, long far)
{
    static char buf[3 * BLOCK];
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    long k;
    ck_assert_int_ge(fd, 0);
    EQ(st_of(fs, "/f", 0).size,
       far ? ((int64_t)1 << 40) - BLOCK + far : 5 * BLOCK + 1);
    EQ(held(fs, "/f"), far ? 512 + BLOCK + 7 * NODE + far / BLOCK * BLOCK +
                                 (far > BLOCK ? 3 * NODE : 0)
                           : 512 + BLOCK + NODE);
    EQ(vfs_pread(fs, fd, buf, 4, 0), 4);
    EQ(memcmp(buf, "abc", 4), 0);
    EQ(vfs_pread(fs, fd, buf, 1, 5 * BLOCK), 1);
    EQ(buf[0], 'm');
    EQ(vfs_pread(fs, fd, buf, sizeof buf, ((int64_t)1 << 40) - 2 * BLOCK),
       far ? BLOCK + far : 0);
    for (k = 0; far && k < BLOCK + far; k++)
        ck_assert_int_eq(buf[k], k < BLOCK ? 0 : 'd');
    EQ(vfs_close(fs, fd), 0);
}

START_TEST(deep_write_each_allocation_fails)
{
    struct test_alloc mem;
    long n, nomem = 0, shorts = 0;
    for (n = 1;; n++) {
        struct vfs *fs;
        uint64_t before;
        long r;
        memset(&mem, 0, sizeof mem);
        fs = deep_setup(&mem, 0);
        before = bfree(fs);
        mem.fail_at = mem.calls + n;
        r = deep_write(fs);
        mem.fail_at = 0;
        CHECK_FS(fs);
        if (r == -ENOMEM) { /* the first block: nothing changed */
            nomem++;
            expect_file(fs, 0);
            EQ(bfree(fs), before);
        } else if (r == BLOCK) { /* the second: the first stays whole */
            shorts++;
            expect_file(fs, BLOCK);
        } else {
            EQ(r, 2 * BLOCK);
            expect_file(fs, 2 * BLOCK);
        }
        vfs_destroy(fs);
        EQ(mem.live, 0);
        if (r == 2 * BLOCK)
            break;
    }
    EQ(nomem, 7); /* 6 nodes and a block */
    EQ(shorts, 4); /* 3 nodes and a block */
}
END_TEST

/* Space runs out before each block, then inside the nodes it needs: the
 * write is refused (-ENOSPC) or short, never half done. */
START_TEST(deep_write_runs_out_of_space)
{
    struct test_alloc mem;
    struct vfs *fs;
    uint64_t base, room;
    int seen[3] = {0, 0, 0};

    /* the bytes the filesystem holds after deep_setup */
    memset(&mem, 0, sizeof mem);
    fs = deep_setup(&mem, 0);
    base = (uint64_t)1 << 30;
    base -= bfree(fs) * BLOCK; /* at most BLOCK - 1 more than they are */
    vfs_destroy(fs);
    for (room = 0; room < 2 * BLOCK + 9 * NODE + BLOCK; room += 512) {
        long r;
        memset(&mem, 0, sizeof mem);
        fs = deep_setup(&mem, base + room);
        r = deep_write(fs);
        CHECK_FS(fs);
        if (r == -ENOSPC) {
            seen[0]++;
            expect_file(fs, 0);
        } else if (r == BLOCK) {
            seen[1]++;
            expect_file(fs, BLOCK);
        } else {
            EQ(r, 2 * BLOCK);
            seen[2]++;
            expect_file(fs, 2 * BLOCK);
        }
        vfs_destroy(fs);
        EQ(mem.live, 0);
    }
    ck_assert_int_gt(seen[0], 0);
    ck_assert_int_gt(seen[1], 0);
    ck_assert_int_gt(seen[2], 0);
}
END_TEST

/* fallocate says yes exactly when a write of the same range would be
 * whole: it counts the holes and the nodes they need, as a write holds
 * them, whatever the byte limit. */
START_TEST(fallocate_counts_nodes)
{
    static const struct {
        int64_t off, len;
    } cases[] = {
        {(int64_t)1 << 40, 1},
        {((int64_t)1 << 40) - BLOCK, 2 * BLOCK},
        {255 * BLOCK, 3 * BLOCK},
        {5 * BLOCK, 20 * BLOCK},
        {((int64_t)1 << 32) - 2 * BLOCK, 4 * BLOCK},
        {FILE_MAX - BLOCK, BLOCK},
    };
    static char data[20 * BLOCK];
    size_t c;
    uint64_t limit;
    long agree = 0, yes = 0;

    for (c = 0; c < sizeof cases / sizeof *cases; c++) {
        for (limit = 24 * 1024; limit < 120 * 1024; limit += 1024) {
            struct vfs_config cfg;
            struct vfs *a, *b;
            int fa, fb, ra;
            long rb;
            memset(&cfg, 0, sizeof cfg);
            cfg.max_bytes = limit;
            a = mkfs_cfg(&cfg);
            b = mkfs_cfg(&cfg);
            fa = mkfile(a, "/f");
            fb = mkfile(b, "/f");
            /* both hold block 0 (full) and block 7 */
            EQ(vfs_pwrite(a, fa, data, BLOCK, 0), BLOCK);
            EQ(vfs_pwrite(b, fb, data, BLOCK, 0), BLOCK);
            EQ(vfs_pwrite(a, fa, "s", 1, 7 * BLOCK), 1);
            EQ(vfs_pwrite(b, fb, "s", 1, 7 * BLOCK), 1);
            ra = vfs_fallocate(a, fa, cases[c].off, cases[c].len);
            rb = (long)vfs_pwrite(b, fb, data, (size_t)cases[c].len,
                                  cases[c].off);
            ck_assert_msg(ra == 0 || ra == -ENOSPC, "fallocate %d", ra);
            ck_assert_msg((ra == 0) == (rb == cases[c].len),
                          "case %zu limit %llu: fallocate %d, write %ld",
                          c, (unsigned long long)limit, ra, rb);
            agree++;
            yes += ra == 0;
            EQ(vfs_close(a, fa), 0);
            EQ(vfs_close(b, fb), 0);
            CHECK_FS(a);
            CHECK_FS(b);
            vfs_destroy(a);
            vfs_destroy(b);
        }
    }
    ck_assert_int_gt(yes, 0);
    ck_assert_int_lt(yes, agree);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sparse");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, far_writes_cost_a_block);
    ADD(tc, efbig_past_the_limit);
    ADD(tc, holes_read_zeros);
    ADD(tc, truncate_frees_nodes);
    ADD(tc, deep_write_each_allocation_fails);
    ADD(tc, deep_write_runs_out_of_space);
    ADD(tc, fallocate_counts_nodes);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
