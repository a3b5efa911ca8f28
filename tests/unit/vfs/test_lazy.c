/* test_lazy.c - lazily filled directories and borrowed file contents
 * (vfs_lazy_dir, vfs_fill_add): when fills run, what they make, copy on
 * write, undo on failure, limits. */
#include "vfs_test.h"

/* ---- a little tree described in static data -------------------------- */

struct tdir;
struct tent {
    const char *name;
    uint32_t mode;
    const char *data;      /* file contents or symlink target */
    size_t size;           /* 0: strlen(data) */
    struct tdir *sub;      /* directory: its contents (lazy) */
};
struct tdir {
    const struct tent *ents;
    int n;
    int calls;             /* times filled */
    int fail_after;        /* > 0: fail with fail_code after so many adds */
    int fail_code;
};

static int fill_tdir(void *ctx, struct vfs_filler *f)
{
    struct tdir *d = ctx;
    int i, r;
    d->calls++;
    for (i = 0; i < d->n; i++) {
        const struct tent *t = &d->ents[i];
        struct vfs_entry e;
        if (d->fail_after && i == d->fail_after)
            return d->fail_code;
        memset(&e, 0, sizeof e);
        e.name = t->name;
        e.namelen = strlen(t->name);
        e.mode = t->mode;
        e.mtime = (int64_t)(1000 + i) * 1000000000 + 5;
        e.data = t->data;
        e.size = t->size ? t->size : t->data ? strlen(t->data) : 0;
        if (t->sub) {
            e.fill = fill_tdir;
            e.fill_ctx = t->sub;
        }
        if ((r = vfs_fill_add(f, &e)) < 0)
            return r;
    }
    return 0;
}

static const struct tent deep_ents[] = {
    {"leaf.txt", VFS_S_IFREG | 0640, "leaf", 0, NULL},
};
static struct tdir deep = {deep_ents, 1, 0, 0, 0};
static const struct tent sub_ents[] = {
    {"b.txt", VFS_S_IFREG | 0600, "bee", 0, NULL},
    {"deep", VFS_S_IFDIR | 0700, NULL, 0, &deep},
};
static struct tdir sub = {sub_ents, 2, 0, 0, 0};
static const struct tent top_ents[] = {
    {"a.txt", VFS_S_IFREG | 0644, "hello, world\n", 0, NULL},
    {"sub", VFS_S_IFDIR | 0751, NULL, 0, &sub},
    {"link", VFS_S_IFLNK | 0777, "sub/b.txt", 0, NULL},
    {"empty", VFS_S_IFDIR | 0755, NULL, 0, NULL},
};
static struct tdir top = {top_ents, 4, 0, 0, 0};

static void reset_counts(void)
{
    top.calls = sub.calls = deep.calls = 0;
    top.fail_after = sub.fail_after = 0;
}

/* A filesystem with /img lazy over `top`. */
static struct vfs *mk_lazy(void)
{
    struct vfs *fs = mkfs();
    reset_counts();
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/img", 0755), 0);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/img", fill_tdir, &top), 0);
    EQ(top.calls, 0);
    CHECK_FS(fs);
    return fs;
}

static int count_emit(void *ctx, const struct vfs_dirent *ent)
{
    (void)ent;
    ++*(int *)ctx;
    return 0;
}

START_TEST(fills_once_when_reached)
{
    struct vfs *fs = mk_lazy();
    char buf[64];
    struct vfs_stat st;

    EQ(get_file(fs, "/img/a.txt", buf, sizeof buf), 13);
    EQ(strcmp(buf, "hello, world\n"), 0);
    EQ(top.calls, 1);
    EQ(sub.calls, 0); /* not reached yet */
    EQ(get_file(fs, "/img/sub/b.txt", buf, sizeof buf), 3);
    EQ(strcmp(buf, "bee"), 0);
    EQ(sub.calls, 1);
    EQ(deep.calls, 0);
    /* stat of a directory fills it: nlink counts its subdirectories */
    st = st_of(fs, "/img/sub", 0);
    EQ(st.nlink, 3);
    EQ(st.mode, VFS_S_IFDIR | 0751);
    EQ(deep.calls, 0);
    st = st_of(fs, "/img/sub/deep", 0);
    EQ(deep.calls, 1);
    EQ(st.nlink, 2);
    /* again: no more fills */
    EQ(get_file(fs, "/img/sub/deep/leaf.txt", buf, sizeof buf), 4);
    EQ(top.calls + sub.calls + deep.calls, 3);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(metadata_kept)
{
    struct vfs *fs = mk_lazy();
    struct vfs_stat st;
    char buf[64];
    int64_t before = st_of(fs, "/img", 0).mtime.tv_sec;

    st = st_of(fs, "/img/a.txt", 0);
    EQ(st.mode, VFS_S_IFREG | 0644);
    EQ(st.size, 13);
    EQ(st.blocks, 0); /* borrowed: nothing held */
    EQ(st.mtime.tv_sec, 1000);
    EQ(st.mtime.tv_nsec, 5);
    EQ(st.atime.tv_sec, 1000);
    EQ(st.ctime.tv_sec, 1000);
    EQ(st.nlink, 1);
    /* filling did not touch the directory's times */
    EQ(st_of(fs, "/img", 0).mtime.tv_sec, before);
    st = st_of(fs, "/img/link", VFS_AT_SYMLINK_NOFOLLOW);
    EQ(st.mode, VFS_S_IFLNK | 0777);
    EQ(st.size, 9);
    EQ(st.mtime.tv_sec, 1002);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/img/link", buf, sizeof buf), 9);
    EQ(memcmp(buf, "sub/b.txt", 9), 0);
    EQ(get_file(fs, "/img/link", buf, sizeof buf), 3);
    st = st_of(fs, "/img/empty", 0);
    EQ(st.mode, VFS_S_IFDIR | 0755);
    EQ(st.nlink, 2);
    EQ(st_of(fs, "/img", 0).nlink, 4); /* sub, empty */
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(readdir_fills)
{
    struct vfs *fs = mkfs();
    int fd, n = 0;

    reset_counts();
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/img", 0755), 0);
    /* a descriptor opened before the directory became lazy */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/img", VFS_O_RDONLY | VFS_O_DIRECTORY,
                    0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/img", fill_tdir, &top), 0);
    EQ(vfs_readdir(fs, fd, 0, count_emit, &n), 0);
    EQ(n, 2 + 4);
    EQ(top.calls, 1);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(removal_and_rename_see_entries)
{
    struct vfs *fs = mk_lazy();
    /* the unfilled directory is not empty: rmdir and rename-over fill it */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/img/sub", VFS_AT_REMOVEDIR),
       -ENOTEMPTY);
    EQ(sub.calls, 1);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/other", 0755), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/other", VFS_AT_ROOT, "/img/sub"),
       -ENOTEMPTY);
    /* moving a lazy directory elsewhere keeps its fill pending */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/img/sub/deep", VFS_AT_ROOT,
                    "/moved"), 0);
    EQ(deep.calls, 1); /* reached by the rename */
    EQ(st_of(fs, "/moved/leaf.txt", 0).size, 4);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/moved/leaf.txt", 0), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/moved", VFS_AT_REMOVEDIR), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* A borrowed file grown far: the tree grows over the borrowed bytes, which
 * stay readable where no block is held; block 0, made under the deep tree,
 * copies its borrowed bytes first; a shrink lowers the tree again. */
START_TEST(copy_on_write_deep)
{
    static char data[3 * 4096 + 100];
    static char buf[sizeof data];
    static const struct tent one[] = {
        {"big", VFS_S_IFREG | 0644, data, sizeof data, NULL},
    };
    static struct tdir d = {one, 1, 0, 0, 0};
    const int64_t far = (int64_t)1 << 40, node = 256 * sizeof(void *);
    struct vfs *fs = mkfs();
    size_t i;
    int fd;

    for (i = 0; i < sizeof data; i++)
        data[i] = (char)('A' + i % 19);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/tmp", fill_tdir, &d), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/big", VFS_O_RDWR, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_pwrite(fs, fd, "far", 3, far), 3);
    EQ(st_of(fs, "/tmp/big", 0).blocks * 512, 4096 + 4 * node);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), sizeof data);
    EQ(memcmp(buf, data, sizeof data), 0);
    EQ(vfs_pread(fs, fd, buf, 8, sizeof data), 8); /* the hole after */
    EQ(memcmp(buf, "\0\0\0\0\0\0\0\0", 8), 0);
    /* block 0 under the deep tree: three nodes down to it, and the
     * borrowed bytes of its first 128 copied */
    EQ(vfs_pwrite(fs, fd, "X", 1, 100), 1);
    EQ(st_of(fs, "/tmp/big", 0).blocks * 512,
       512 + 4096 + 7 * node); /* block 0: 128 bytes, a 512-byte unit */
    EQ(data[100], 'A' + 100 % 19); /* the borrowed bytes stay */
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), sizeof data);
    for (i = 0; i < sizeof data; i++)
        ck_assert_int_eq(buf[i], i == 100 ? 'X' : data[i]);
    CHECK_FS(fs);
    /* shrink: the far block and its nodes go, block 0 is the root again;
     * the rest still reads borrowed */
    EQ(vfs_ftruncate(fs, fd, 2 * 4096 + 5), 0);
    EQ(st_of(fs, "/tmp/big", 0).blocks, 1); /* 128 bytes */
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), 2 * 4096 + 5);
    for (i = 0; i < 2 * 4096 + 5; i++)
        ck_assert_int_eq(buf[i], i == 100 ? 'X' : data[i]);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(copy_on_write)
{
    static char data[3 * 4096 + 100];
    static char buf[sizeof data];
    static const struct tent one[] = {
        {"big", VFS_S_IFREG | 0644, data, sizeof data, NULL},
        {"small", VFS_S_IFREG | 0644, "0123456789", 0, NULL},
    };
    static struct tdir d = {one, 2, 0, 0, 0};
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    size_t i;
    int fd;

    for (i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 23);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/tmp", fill_tdir, &d), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/big", VFS_O_RDWR, 0);
    ck_assert_int_ge(fd, 0);
    /* one byte in the second block: that block alone is copied */
    EQ(vfs_pwrite(fs, fd, "X", 1, 5000), 1);
    EQ(data[5000], (char)('a' + 5000 % 23)); /* the borrowed bytes stay */
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), sizeof data);
    for (i = 0; i < sizeof data; i++)
        ck_assert_int_eq(buf[i], i == 5000 ? 'X' : data[i]);
    EQ(vfs_fstat(fs, fd, &st), 0);
    ck_assert_int_ge(st.blocks, 8);
    ck_assert_int_lt(st.blocks, 16);
    CHECK_FS(fs);
    /* the tail: shrink into the last block, grow again: zeros after */
    EQ(vfs_ftruncate(fs, fd, 3 * 4096 + 10), 0);
    EQ(vfs_ftruncate(fs, fd, sizeof data), 0);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), sizeof data);
    for (i = 0; i < sizeof data; i++)
        ck_assert_int_eq(buf[i], i == 5000 ? 'X'
                                 : i < 3 * 4096 + 10 ? data[i] : 0);
    /* a write past the borrowed bytes */
    EQ(vfs_pwrite(fs, fd, "end", 3, sizeof data + 10), 3);
    EQ(vfs_pread(fs, fd, buf, 13, sizeof data), 13);
    EQ(memcmp(buf, "\0\0\0\0\0\0\0\0\0\0end", 13), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);

    /* block 0 of a small file grows in steps: each step copies */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/small", VFS_O_WRONLY, 0);
    EQ(vfs_pwrite(fs, fd, "ab", 2, 3), 2);
    EQ(vfs_close(fs, fd), 0);
    EQ(get_file(fs, "/tmp/small", buf, sizeof buf), 10);
    EQ(strcmp(buf, "012ab56789"), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/small", VFS_O_WRONLY, 0);
    EQ(vfs_pwrite(fs, fd, "Z", 1, 40), 1);
    EQ(vfs_close(fs, fd), 0);
    EQ(st_of(fs, "/tmp/small", 0).size, 41);
    EQ(vfs_pread(fs, vfs_openat(fs, VFS_AT_ROOT, "/tmp/small",
                                VFS_O_RDONLY, 0), buf, 64, 0), 41);
    EQ(memcmp(buf, "012ab56789\0", 11), 0);
    EQ(buf[40], 'Z');
    /* O_TRUNC forgets the borrowed bytes */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/big", VFS_O_WRONLY | VFS_O_TRUNC,
                    0);
    EQ(vfs_ftruncate(fs, fd, 100), 0);
    EQ(vfs_pread(fs, vfs_openat(fs, VFS_AT_ROOT, "/tmp/big", VFS_O_RDONLY,
                                0), buf, 100, 0), 100);
    for (i = 0; i < 100; i++)
        ck_assert_int_eq(buf[i], 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(failed_fill_undone_and_retried)
{
    struct vfs *fs = mk_lazy();
    struct vfs_statvfs before, after;
    char buf[64];

    top.fail_after = 3; /* after a.txt, sub, link */
    top.fail_code = -ENOMEM;
    EQ(vfs_statvfs(fs, &before), 0);
    EQ(get_file(fs, "/img/a.txt", buf, sizeof buf), -ENOMEM);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/img", &(struct vfs_stat){0}, 0),
       -ENOMEM);
    EQ(top.calls, 2);
    EQ(vfs_statvfs(fs, &after), 0);
    EQ(after.ffree, before.ffree);
    EQ(after.bfree, before.bfree);
    CHECK_FS(fs);
    /* the directory itself, by a path that does not look into it */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/img", VFS_AT_REMOVEDIR), -ENOMEM);
    top.fail_after = 0;
    EQ(get_file(fs, "/img/a.txt", buf, sizeof buf), 13);
    EQ(top.calls, 4);
    EQ(st_of(fs, "/img", 0).nlink, 4);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(merge_and_conflicts)
{
    static const struct tent tmp_ents[] = {
        {"x", VFS_S_IFREG | 0644, "x", 0, NULL},
    };
    static struct tdir tmpd = {tmp_ents, 1, 0, 0, 0};
    static const struct tent root_ents[] = {
        {"tmp", VFS_S_IFDIR | 0700, NULL, 0, &tmpd}, /* meets /tmp */
        {"dev", VFS_S_IFREG | 0644, "no", 0, NULL},  /* -EEXIST */
    };
    static struct tdir rootd = {root_ents, 2, 0, 0, 0};
    struct vfs *fs = mkfs();
    char buf[8];

    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/", fill_tdir, &rootd), 0);
    /* the fill stops at the first error it does not expect */
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp", &(struct vfs_stat){0}, 0),
       -EEXIST);
    CHECK_FS(fs);
    vfs_destroy(fs);

    /* a fill that skips conflicts merges into existing directories */
    fs = mkfs();
    rootd.n = 1;
    tmpd.calls = 0;
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/", fill_tdir, &rootd), 0);
    EQ(get_file(fs, "/tmp/x", buf, sizeof buf), 1);
    EQ(tmpd.calls, 1);
    EQ(st_of(fs, "/tmp", 0).mode, VFS_S_IFDIR | 01777); /* kept */
    EQ(st_of(fs, "/dev/null", 0).mode & VFS_S_IFMT, VFS_S_IFCHR);
    rootd.n = 2;
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* Fills that try bad entries; records each result. */
static int bad_results[16];
static int fill_bad(void *ctx, struct vfs_filler *f)
{
    static const char longname[VFS_NAME_MAX + 2] = {[0 ... VFS_NAME_MAX] =
                                                        'n'};
    struct vfs_entry e;
    int k = 0;
    (void)ctx;
#define TRY(field_setup)                                                    \
    do {                                                                    \
        memset(&e, 0, sizeof e);                                            \
        e.name = "ok";                                                      \
        e.namelen = 2;                                                      \
        e.mode = VFS_S_IFREG | 0644;                                        \
        field_setup;                                                        \
        bad_results[k++] = vfs_fill_add(f, &e);                             \
    } while (0)
    TRY(e.namelen = 0);
    TRY((e.name = "a/b", e.namelen = 3));
    TRY((e.name = ".", e.namelen = 1));
    TRY((e.name = "..", e.namelen = 2));
    TRY((e.name = "a\0b", e.namelen = 3));
    TRY((e.name = longname, e.namelen = VFS_NAME_MAX + 1));
    TRY(e.mode = VFS_S_IFCHR | 0644);
    TRY(e.mode = VFS_S_IFREG | 010000);
    TRY((e.mode = VFS_S_IFLNK | 0777, e.data = "", e.size = 0));
    TRY((e.mode = VFS_S_IFLNK | 0777, e.data = longname,
         e.size = VFS_PATH_MAX));
    TRY((e.name = longname, e.namelen = VFS_NAME_MAX)); /* fine */
    TRY(e.data = "ok");                                  /* fine */
    TRY(e.data = "again");                               /* -EEXIST */
    TRY(e.mode = VFS_S_IFDIR | 0755);                    /* -EEXIST */
#undef TRY
    return 0;
}

START_TEST(bad_entries)
{
    static const int want[] = {-EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL,
                               -EINVAL, -EINVAL, -EINVAL, -EINVAL, -EINVAL,
                               0,       0,       -EEXIST, -EEXIST};
    struct vfs *fs = mkfs();
    size_t i;

    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/tmp", fill_bad, NULL), 0);
    EQ(st_of(fs, "/tmp/ok", 0).size, 0);
    for (i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(bad_results[i] == want[i], "entry %zu: %d, want %d",
                      i, bad_results[i], want[i]);
    /* vfs_lazy_dir's own errors */
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/tmp", NULL, NULL), -EINVAL);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/tmp/ok", fill_bad, NULL), -ENOTDIR);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/nope", fill_bad, NULL), -ENOENT);
    EQ(vfs_lazy_dir(fs, 77, "rel", fill_bad, NULL), -EBADF);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(limits_and_allocation_failures)
{
    struct vfs_config cfg;
    struct test_alloc a;
    struct vfs *fs;
    char buf[64];
    long k;

    /* inode limit: the fill fails, nothing stays */
    memset(&cfg, 0, sizeof cfg);
    cfg.max_inodes = 7; /* / /dev null zero /tmp, /img, one more */
    fs = mkfs_cfg(&cfg);
    reset_counts();
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/img", 0755), 0);
    EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/img", fill_tdir, &top), 0);
    EQ(get_file(fs, "/img/a.txt", buf, sizeof buf), -ENOSPC);
    CHECK_FS(fs);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/img", VFS_AT_REMOVEDIR), -ENOSPC);
    vfs_destroy(fs);

    /* every allocation of the fill failing in turn */
    for (k = 1;; k++) {
        int r;
        memset(&cfg, 0, sizeof cfg);
        memset(&a, 0, sizeof a);
        cfg.realloc = test_realloc;
        cfg.alloc_ctx = &a;
        fs = mkfs_cfg(&cfg);
        reset_counts();
        EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/img", 0755), 0);
        EQ(vfs_lazy_dir(fs, VFS_AT_ROOT, "/img", fill_tdir, &top), 0);
        a.fail_at = a.calls + k;
        r = (int)get_file(fs, "/img/sub/b.txt", buf, sizeof buf);
        CHECK_FS(fs);
        a.fail_at = 0;
        if (r >= 0) {
            EQ(r, 3);
            vfs_destroy(fs);
            EQ(a.live, 0);
            break;
        }
        EQ(r, -ENOMEM);
        /* retried and fine once memory is there */
        EQ(get_file(fs, "/img/sub/b.txt", buf, sizeof buf), 3);
        EQ(st_of(fs, "/img", 0).nlink, 4);
        CHECK_FS(fs);
        vfs_destroy(fs);
        EQ(a.live, 0);
    }
    ck_assert_int_gt(k, 5);
}
END_TEST

/* A fill given to a directory on the path the walk cache holds runs when
 * a path next goes through that directory, as it would without the
 * cache. */
START_TEST(fill_on_a_cached_path)
{
    static const struct tent one[] = {
        {"late", VFS_S_IFREG | 0644, "here", 0, NULL},
    };
    static struct tdir d = {one, 1, 0, 0, 0};
    struct vfs *fs = mkfs();
    char buf[16];
    int fd;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/tmp/a", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/tmp/a/b", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp/a", VFS_O_PATH, 0);
    ck_assert_int_ge(fd, 0);
    put_file(fs, "/tmp/a/b/f", "x"); /* caches "/tmp/a/b/" */
    /* "." is never cached: the cache still holds "/tmp/a/b/" */
    EQ(vfs_lazy_dir(fs, fd, ".", fill_tdir, &d), 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(d.calls, 0);
    EQ(get_file(fs, "/tmp/a/b/f", buf, sizeof buf), 1); /* through a */
    EQ(d.calls, 1);
    EQ(get_file(fs, "/tmp/a/late", buf, sizeof buf), 4);
    EQ(strcmp(buf, "here"), 0);
    EQ(d.calls, 1);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("lazy");
    TCase *tc = tcase_create("lazy");
    ADD(tc, fills_once_when_reached);
    ADD(tc, metadata_kept);
    ADD(tc, readdir_fills);
    ADD(tc, removal_and_rename_see_entries);
    ADD(tc, copy_on_write);
    ADD(tc, copy_on_write_deep);
    ADD(tc, failed_fill_undone_and_retried);
    ADD(tc, merge_and_conflicts);
    ADD(tc, bad_entries);
    ADD(tc, limits_and_allocation_failures);
    ADD(tc, fill_on_a_cached_path);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
