/* test_limits.c - max_bytes, max_inodes, max_open_files. */
#include "vfs_test.h"

START_TEST(bytes_limit)
{
    struct vfs_config cfg;
    struct vfs *fs;
    static char big[100 * 1024], back[100 * 1024];
    ssize_t n;
    int fd, i;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 64 * 1024;
    fs = mkfs_cfg(&cfg);
    for (i = 0; i < (int)sizeof big; i++)
        big[i] = (char)(i % 251);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644);
    n = vfs_write(fs, fd, big, sizeof big);
    ck_assert_int_gt(n, 0);
    ck_assert_int_lt(n, (long)sizeof big);
    CHECK_FS(fs);
    EQ(st_of(fs, "/f", 0).size, n);
    EQ(vfs_write(fs, fd, big, sizeof big), -ENOSPC);
    EQ(st_of(fs, "/f", 0).size, n);
    EQ(vfs_pread(fs, fd, back, sizeof back, 0), n);
    EQ(memcmp(big, back, (size_t)n), 0);
    /* symlink targets and names count too */
    {
        char target[201], name[260], path[32];
        memset(target, 't', 200);
        target[200] = 0;
        for (i = 0;; i++) {
            int r;
            snprintf(path, sizeof path, "/s%d", i);
            r = vfs_symlinkat(fs, target, VFS_AT_ROOT, path);
            if (r == -ENOSPC)
                break;
            EQ(r, 0);
        }
        name[0] = '/';
        memset(name + 1, 'n', 250);
        name[251] = 0;
        EQ(vfs_mkdirat(fs, VFS_AT_ROOT, name, 0755), -ENOSPC);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, name, &(struct vfs_stat){0}, 0), -ENOENT);
        for (; i >= 0; i--) {
            snprintf(path, sizeof path, "/s%d", i);
            vfs_unlinkat(fs, VFS_AT_ROOT, path, 0);
        }
    }
    CHECK_FS(fs);
    /* shrinking frees space */
    EQ(vfs_ftruncate(fs, fd, 0), 0);
    EQ(vfs_pwrite(fs, fd, big, 40000, 0), 40000);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(inode_limit)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int p[2];
    memset(&cfg, 0, sizeof cfg);
    cfg.max_inodes = 6; /* five built in */
    fs = mkfs_cfg(&cfg);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/e", 0755), -ENOSPC);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0644), -ENOSPC);
    EQ(vfs_symlinkat(fs, "x", VFS_AT_ROOT, "/s"), -ENOSPC);
    EQ(vfs_mknod_device(fs, VFS_AT_ROOT, "/c", 0644, NULL, NULL), -ENOSPC);
    EQ(vfs_pipe(fs, p, 0), -ENOSPC);
    /* hard links need no inode */
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/dev/null", VFS_AT_ROOT, "/n2", 0), 0);
    CHECK_FS(fs);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/d", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_pipe(fs, p, 0), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(fd_limit)
{
    struct vfs_config cfg;
    struct vfs *fs;
    int i, p[2];
    memset(&cfg, 0, sizeof cfg);
    cfg.max_open_files = 20;
    fs = mkfs_cfg(&cfg);
    put_file(fs, "/f", "x");
    for (i = 0; i < 19; i++)
        EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), i);
    EQ(vfs_pipe(fs, p, 0), -EMFILE);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), 19);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), -EMFILE);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/g", VFS_O_RDWR | VFS_O_CREAT, 0644), -EMFILE);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/g", &(struct vfs_stat){0}, 0), -ENOENT);
    EQ(vfs_dup(fs, 0), -EMFILE);
    EQ(vfs_dupfd(fs, 0, 19, 0), -EMFILE);
    EQ(vfs_dupfd(fs, 0, 20, 0), -EINVAL);
    EQ(vfs_dup2(fs, 0, 20), -EBADF);
    EQ(vfs_dup2(fs, 0, 19), 19);
    CHECK_FS(fs);
    EQ(vfs_close(fs, 5), 0);
    EQ(vfs_dup(fs, 0), 5);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("core");
    ADD(tc, bytes_limit);
    ADD(tc, inode_limit);
    ADD(tc, fd_limit);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
