/* test_readdir.c - listing order, cookies, stability under change. */
#include "vfs_test.h"

#define N 600

struct walk {
    int seen[3 * N];   /* times each numbered name was listed */
    int dots, total, limit;
    uint64_t cookie;
};

static int collect(void *ctx, const struct vfs_dirent *e)
{
    struct walk *w = ctx;
    char name[16];
    if (w->limit && w->total == w->limit)
        return 1;
    w->total++;
    w->cookie = e->next;
    if (e->namelen <= 2 && e->name[0] == '.') {
        w->dots++;
        return 0;
    }
    ck_assert_uint_lt(e->namelen, sizeof name);
    memcpy(name, e->name, e->namelen);
    name[e->namelen] = 0;
    w->seen[atoi(name + 1)]++;
    return 0;
}

static void mk(struct vfs *fs, int i)
{
    char p[32];
    snprintf(p, sizeof p, "/d/f%d", i);
    put_file(fs, p, "");
}

static void rm(struct vfs *fs, int i)
{
    char p[32];
    snprintf(p, sizeof p, "/d/f%d", i);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, p, 0), 0);
}

START_TEST(order_and_cookies)
{
    struct vfs *fs = mkfs();
    struct walk *w = calloc(1, sizeof *w);
    const char *first[3] = {0};
    int fd, i;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    EQ(vfs_readdir(fs, fd, 0, collect, w), 0);
    EQ(w->dots, 2);
    EQ(w->total, 2);
    for (i = 0; i < 3; i++)
        mk(fs, i);
    memset(w, 0, sizeof *w);
    EQ(vfs_readdir(fs, fd, 0, collect, w), 0);
    EQ(w->total, 5);
    (void)first;
    /* errors */
    EQ(vfs_readdir(fs, 99, 0, collect, w), -EBADF);
    {
        int f = vfs_openat(fs, VFS_AT_ROOT, "/d/f0", VFS_O_RDONLY, 0);
        EQ(vfs_readdir(fs, f, 0, collect, w), -ENOTDIR);
        EQ(vfs_close(fs, f), 0);
    }
    EQ(vfs_close(fs, fd), 0);
    free(w);
    vfs_destroy(fs);
}
END_TEST

static int stop_neg(void *ctx, const struct vfs_dirent *e)
{
    (void)e;
    return ++*(int *)ctx == 2 ? -42 : 0;
}

struct dotcheck {
    uint64_t ino[2];
    int n;
};

static int dots(void *ctx, const struct vfs_dirent *e)
{
    struct dotcheck *d = ctx;
    if (d->n == 0) {
        ck_assert(e->namelen == 1 && e->name[0] == '.' && e->next == 1);
    } else if (d->n == 1) {
        ck_assert(e->namelen == 2 && e->next == 2);
    } else {
        ck_assert(e->type == VFS_S_IFREG);
    }
    if (d->n < 2)
        d->ino[d->n] = e->ino;
    d->n++;
    return 0;
}

START_TEST(dots_first_and_emit_error)
{
    struct vfs *fs = mkfs();
    struct dotcheck d = {{0, 0}, 0};
    int calls = 0, fd;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    mk(fs, 1);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY, 0);
    EQ(vfs_readdir(fs, fd, 0, dots, &d), 0);
    EQ(d.n, 3);
    EQ(d.ino[0], st_of(fs, "/d", 0).ino);
    EQ(d.ino[1], st_of(fs, "/", 0).ino);
    EQ(vfs_readdir(fs, fd, 0, stop_neg, &calls), -42);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(stable_under_change)
{
    struct vfs *fs = mkfs();
    struct walk *w = calloc(1, sizeof *w);
    int fd, i, round, next = N, removed[3 * N] = {0}, added[3 * N] = {0};
    unsigned seed = 1;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    for (i = 0; i < N; i++)
        mk(fs, i);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY, 0);
    w->limit = 7;
    for (round = 0;; round++) {
        int before = w->total, k;
        w->limit = w->total + 7;
        EQ(vfs_readdir(fs, fd, w->cookie, collect, w), 0);
        if (w->total == before)
            break;
        /* between batches: remove two live originals, add two new names */
        for (k = 0; k < 2; k++) {
            int victim;
            seed = seed * 1103515245u + 12345u;
            victim = (int)((seed >> 8) % N);
            if (!removed[victim]) {
                rm(fs, victim);
                removed[victim] = 1;
            }
            if (next < 3 * N) {
                added[next] = 1;
                mk(fs, next++);
            }
        }
    }
    CHECK_FS(fs);
    for (i = 0; i < N; i++) {
        if (!removed[i])
            ck_assert_msg(w->seen[i] == 1, "f%d listed %d times", i, w->seen[i]);
        else
            ck_assert_int_le(w->seen[i], 1);
    }
    for (i = N; i < 3 * N; i++)
        ck_assert_int_le(w->seen[i], 1);
    EQ(w->dots, 2);
    (void)added;
    EQ(vfs_close(fs, fd), 0);
    free(w);
    vfs_destroy(fs);
}
END_TEST

START_TEST(many_entries)
{
    struct vfs *fs = mkfs();
    struct walk *w = calloc(1, sizeof *w);
    int fd, i;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    for (i = 0; i < 3 * N; i++)
        mk(fs, i);
    for (i = 0; i < 3 * N; i += 3)
        rm(fs, i);
    CHECK_FS(fs);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY, 0);
    EQ(vfs_readdir(fs, fd, 0, collect, w), 0);
    for (i = 0; i < 3 * N; i++)
        EQ(w->seen[i], i % 3 != 0);
    EQ(vfs_close(fs, fd), 0);
    free(w);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("readdir");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, order_and_cookies);
    ADD(tc, dots_first_and_emit_error);
    ADD(tc, stable_under_change);
    ADD(tc, many_entries);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
