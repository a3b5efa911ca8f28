/* test_alloc.c - every allocation of an operation fails in turn: the
 * operation returns -ENOMEM (or, for writes, a short count) and leaves the
 * filesystem consistent and unchanged; nothing leaks. */
#include "vfs_test.h"

static struct test_alloc mem;

static struct vfs *mkfs_mem(void)
{
    struct vfs_config cfg;
    memset(&cfg, 0, sizeof cfg);
    memset(&mem, 0, sizeof mem);
    cfg.realloc = test_realloc;
    cfg.alloc_ctx = &mem;
    return mkfs_cfg(&cfg);
}

START_TEST(create_fails)
{
    struct vfs_config cfg;
    struct vfs *fs;
    long n;
    memset(&cfg, 0, sizeof cfg);
    cfg.realloc = test_realloc;
    cfg.alloc_ctx = &mem;
    for (n = 1;; n++) {
        int r;
        memset(&mem, 0, sizeof mem);
        mem.fail_at = n;
        fs = NULL;
        r = vfs_create(&cfg, &fs);
        if (r == 0)
            break;
        EQ(r, -ENOMEM);
        EQ(mem.live, 0);
    }
    ck_assert_int_gt(n, 5);
    CHECK_FS(fs);
    vfs_destroy(fs);
    EQ(mem.live, 0);
}
END_TEST

/* Prepares a filesystem with some content. */
static struct vfs *setup(void)
{
    struct vfs *fs = mkfs_mem();
    int i;
    char p[32];
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    for (i = 0; i < 6; i++) { /* the next entry grows the hash table */
        snprintf(p, sizeof p, "/d/f%d", i);
        put_file(fs, p, "content");
    }
    return fs;
}

enum op { OP_CREAT, OP_MKDIR, OP_SYMLINK, OP_LINK, OP_RENAME, OP_PIPE,
          OP_DUP2, OP_WRITE, OP_MKNOD, OP_CHDIR, OP_COUNT };

static long run(struct vfs *fs, enum op op)
{
    static char big[20000];
    int p[2], fd, r;
    switch (op) {
    case OP_CREAT:
        r = vfs_openat(fs, VFS_AT_ROOT, "/d/new", VFS_O_RDWR | VFS_O_CREAT, 0644);
        if (r >= 0)
            EQ(vfs_close(fs, r), 0);
        return r < 0 ? r : 0;
    case OP_MKDIR:
        return vfs_mkdirat(fs, VFS_AT_ROOT, "/d/new", 0755);
    case OP_SYMLINK:
        return vfs_symlinkat(fs, "/target", VFS_AT_ROOT, "/d/new");
    case OP_LINK:
        return vfs_linkat(fs, VFS_AT_ROOT, "/d/f1", VFS_AT_ROOT, "/d/new", 0);
    case OP_RENAME:
        return vfs_renameat(fs, VFS_AT_ROOT, "/d/f1", VFS_AT_ROOT, "/new");
    case OP_PIPE:
        r = vfs_pipe(fs, p, 0);
        if (!r) {
            EQ(vfs_close(fs, p[0]), 0);
            EQ(vfs_close(fs, p[1]), 0);
        }
        return r;
    case OP_DUP2:
        fd = vfs_openat(fs, VFS_AT_ROOT, "/d/f1", VFS_O_RDONLY, 0);
        if (fd < 0)
            return fd;
        r = vfs_dup2(fs, fd, 300);
        EQ(vfs_close(fs, fd), 0);
        if (r >= 0)
            EQ(vfs_close(fs, r), 0);
        return r < 0 ? r : 0;
    case OP_WRITE:
        fd = vfs_openat(fs, VFS_AT_ROOT, "/d/f2", VFS_O_WRONLY | VFS_O_APPEND, 0);
        if (fd < 0)
            return fd;
        r = (int)vfs_write(fs, fd, big, sizeof big);
        EQ(vfs_close(fs, fd), 0);
        return r < 0 ? r : r == (int)sizeof big ? 0 : 1;
    case OP_MKNOD:
        return vfs_mknod_device(fs, VFS_AT_ROOT, "/d/new", 0644, NULL, NULL);
    case OP_CHDIR: /* the table grows to 601 slots, then the description */
        r = vfs_chdirat(fs, 600, VFS_AT_ROOT, "/d");
        if (r < 0)
            EQ(vfs_fd_check(fs, 600), -EBADF);
        else
            EQ(vfs_close(fs, 600), 0);
        return r;
    default:
        return -EINVAL;
    }
}

START_TEST(each_allocation_fails)
{
    int op;
    for (op = 0; op < OP_COUNT; op++) {
        long n, failures = 0;
        for (n = 1;; n++) {
            struct vfs *fs = setup();
            struct vfs_statvfs before, after;
            long r;
            EQ(vfs_statvfs(fs, &before), 0);
            mem.fail_at = mem.calls + n;
            r = run(fs, (enum op)op);
            mem.fail_at = 0;
            CHECK_FS(fs);
            if (r == -ENOMEM) {
                failures++;
                EQ(vfs_statvfs(fs, &after), 0);
                EQ(after.ffree, before.ffree);
                EQ(after.bfree, before.bfree);
                EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d/new", &(struct vfs_stat){0}, 0), -ENOENT);
                EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d/f1", &(struct vfs_stat){0}, 0), 0);
            } else if (r == 1) {
                /* a write cut short keeps what it wrote */
                ck_assert_int_gt(st_of(fs, "/d/f2", 0).size, 7);
                failures++;
            } else {
                EQ(r, 0);
            }
            vfs_destroy(fs);
            EQ(mem.live, 0);
            if (r == 0)
                break;
        }
        ck_assert_msg(failures > 0, "op %d never allocated", op);
    }
}
END_TEST

/* A directory at every size from empty to past a few growths of its
 * vector and hash table: an insert by create, and by a rename that needs
 * a new entry, fails whole at each of its allocations. */
START_TEST(growth_allocation_fails)
{
    struct vfs *fs = mkfs_mem();
    char p[64], q[64];
    int i, j, r;
    long n;

    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/e", 0755), 0);
    for (i = 0; i < 80; i++) {
        snprintf(p, sizeof p, "/d/f%d", i);
        for (n = 1;; n++) {
            mem.fail_at = mem.calls + n;
            r = vfs_openat(fs, VFS_AT_ROOT, p, VFS_O_RDWR | VFS_O_CREAT, 0644);
            mem.fail_at = 0;
            if (r >= 0)
                break;
            EQ(r, -ENOMEM);
            EQ(vfs_fstatat(fs, VFS_AT_ROOT, p, &(struct vfs_stat){0}, 0),
               -ENOENT);
        }
        ck_assert_int_gt(n, 1);
        EQ(vfs_close(fs, r), 0);
        /* a longer name than the old one: a new entry in /d */
        snprintf(q, sizeof q, "/e/g%d", i);
        put_file(fs, q, "moved");
        snprintf(p, sizeof p, "/d/a-longer-name-than-before-%d", i);
        for (n = 1;; n++) {
            mem.fail_at = mem.calls + n;
            r = vfs_renameat(fs, VFS_AT_ROOT, q, VFS_AT_ROOT, p);
            mem.fail_at = 0;
            if (!r)
                break;
            EQ(r, -ENOMEM);
            EQ(vfs_fstatat(fs, VFS_AT_ROOT, p, &(struct vfs_stat){0}, 0),
               -ENOENT);
            EQ(vfs_fstatat(fs, VFS_AT_ROOT, q, &(struct vfs_stat){0}, 0), 0);
        }
        ck_assert_int_gt(n, 1);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, q, &(struct vfs_stat){0}, 0), -ENOENT);
    }
    CHECK_FS(fs);
    for (j = 0; j < 80; j++) {
        snprintf(p, sizeof p, "/d/f%d", j);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, p, &(struct vfs_stat){0}, 0), 0);
        snprintf(p, sizeof p, "/d/a-longer-name-than-before-%d", j);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, p, &(struct vfs_stat){0}, 0), 0);
    }
    vfs_destroy(fs);
    EQ(mem.live, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    ADD(tc, create_fails);
    ADD(tc, each_allocation_fails);
    ADD(tc, growth_allocation_fails);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
