/* test_dirtab.c - a directory's table as it grows and empties: every name
 * stays found through growth, removal in scattered order (each removal
 * shifts the hash table's run back), names whose hashes are equal, renames
 * among them. Linked without VFS_DEBUG (a full check on every call would
 * make thousands of entries quadratic); vfs_check runs at checkpoints. */
#include "vfs_test.h"

#define N 3000

static void mk(struct vfs *fs, const char *name)
{
    char p[64];
    int fd;
    snprintf(p, sizeof p, "/d/%s", name);
    fd = vfs_openat(fs, VFS_AT_ROOT, p,
                    VFS_O_WRONLY | VFS_O_CREAT | VFS_O_EXCL, 0644);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_write(fs, fd, name, strlen(name)), strlen(name));
    EQ(vfs_close(fs, fd), 0);
}

/* 0 when /d/name exists and holds its own name, else its error. */
static int has(struct vfs *fs, const char *name)
{
    char p[64], buf[64];
    long n;
    snprintf(p, sizeof p, "/d/%s", name);
    n = get_file(fs, p, buf, sizeof buf);
    if (n < 0)
        return (int)n;
    ck_assert_str_eq(buf, name);
    return 0;
}

static void rm(struct vfs *fs, const char *name)
{
    char p[64];
    snprintf(p, sizeof p, "/d/%s", name);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, p, 0), 0);
}

static const char *nm(int i)
{
    static char b[16];
    snprintf(b, sizeof b, "f%d", i);
    return b;
}

/* i-th of N in a scattered order (7919 is prime, so this is a
 * permutation of 0..N-1). */
static int scattered(int i)
{
    return (int)((long)i * 7919 % N);
}

START_TEST(grow_remove_scattered)
{
    struct vfs *fs = mkfs();
    static char gone[N];
    int i, j;

    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    for (i = 0; i < N; i++) {
        mk(fs, nm(i));
        if (!(i & (i + 1)) || i % 500 == 0) { /* 2^k - 1: around growth */
            CHECK_FS(fs);
            for (j = 0; j <= i; j++)
                EQ(has(fs, nm(j)), 0);
            EQ(has(fs, nm(i + 1)), -ENOENT);
        }
    }
    memset(gone, 0, sizeof gone);
    for (i = 0; i < N; i++) {
        int k = scattered(i);
        rm(fs, nm(k));
        gone[k] = 1;
        if (i % 97 == 0 || N - i < 20) {
            CHECK_FS(fs);
            for (j = 0; j < N; j++)
                EQ(has(fs, nm(j)), gone[j] ? -ENOENT : 0);
        }
    }
    /* and it fills again */
    for (i = 0; i < 100; i++)
        mk(fs, nm(i));
    CHECK_FS(fs);
    for (i = 0; i < 100; i++)
        EQ(has(fs, nm(i)), 0);
    vfs_destroy(fs);
}
END_TEST

/* Pairs of names with the same 32-bit FNV-1a hash (vfs__hash). */
static const char *const same_hash[][2] = {
    {"c1036131", "c2718898"}, {"c1036138", "c2718891"},
    {"c1036139", "c2718890"}, {"c1062782", "c1279199"},
    {"c1062783", "c1279198"}, {"c1062788", "c1279193"},
    {"c1062789", "c1279192"}, {"c693596", "c1170850"},
    {"c693597", "c1170851"}, {"c693594", "c1170852"},
};
#define PAIRS (int)(sizeof same_hash / sizeof same_hash[0])

START_TEST(equal_hashes)
{
    struct vfs *fs = mkfs();
    int i, k, round;

    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    for (round = 0; round < 2; round++) { /* a small table, then a big one */
        for (i = 0; i < PAIRS; i++) {
            mk(fs, same_hash[i][0]);
            EQ(has(fs, same_hash[i][1]), -ENOENT);
            mk(fs, same_hash[i][1]);
        }
        CHECK_FS(fs);
        for (i = 0; i < PAIRS; i++)
            for (k = 0; k < 2; k++)
                EQ(has(fs, same_hash[i][k]), 0);
        /* one of each pair goes: the other stays found */
        for (i = 0; i < PAIRS; i++)
            rm(fs, same_hash[i][i & 1]);
        CHECK_FS(fs);
        for (i = 0; i < PAIRS; i++) {
            EQ(has(fs, same_hash[i][i & 1]), -ENOENT);
            EQ(has(fs, same_hash[i][!(i & 1)]), 0);
        }
        /* rename the one left onto its twin's name, and back to its own */
        for (i = 0; i < PAIRS; i++) {
            char a[32], b[32];
            snprintf(a, sizeof a, "/d/%s", same_hash[i][!(i & 1)]);
            snprintf(b, sizeof b, "/d/%s", same_hash[i][i & 1]);
            EQ(vfs_renameat(fs, VFS_AT_ROOT, a, VFS_AT_ROOT, b), 0);
            EQ(has(fs, same_hash[i][!(i & 1)]), -ENOENT);
            EQ(vfs_renameat(fs, VFS_AT_ROOT, b, VFS_AT_ROOT, a), 0);
            EQ(has(fs, same_hash[i][!(i & 1)]), 0);
        }
        for (i = 0; i < PAIRS; i++)
            rm(fs, same_hash[i][!(i & 1)]);
        CHECK_FS(fs);
        if (round == 0) /* crowd the table: the pairs land among others */
            for (i = 0; i < 1000; i++)
                mk(fs, nm(i));
    }
    for (i = 0; i < 1000; i++)
        EQ(has(fs, nm(i)), 0);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("dirtab");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, grow_remove_scattered);
    ADD(tc, equal_hashes);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
