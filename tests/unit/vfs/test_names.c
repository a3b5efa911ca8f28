/* test_names.c - mkdir, unlink/rmdir, link, symlink, readlink, realpath. */
#include "vfs_test.h"

START_TEST(mkdir_rmdir)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st, p0, p1;
    p0 = st_of(fs, "/", 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/", 0777), 0);
    CHECK_FS(fs);
    st = st_of(fs, "/a", 0);
    EQ(st.mode, VFS_S_IFDIR | 0755);
    EQ(st.nlink, 2);
    p1 = st_of(fs, "/", 0);
    EQ(p1.nlink, p0.nlink + 1);
    ck_assert_int_gt(p1.mtime.tv_sec, p0.mtime.tv_sec);
    ck_assert_int_gt(p1.ctime.tv_sec, p0.ctime.tv_sec);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0700), 0);
    EQ(st_of(fs, "/a", 0).nlink, 3);
    put_file(fs, "/a/f", "x");
    EQ(st_of(fs, "/a", 0).nlink, 3);
    EQ(vfs_symlinkat(fs, "/nowhere", VFS_AT_ROOT, "/dangle"), 0);
    /* mkdir errors */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a", 0755), -EEXIST);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/f", 0755), -EEXIST);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/dangle", 0755), -EEXIST);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/", 0755), -EEXIST);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/.", 0755), -EEXIST);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x/y", 0755), -ENOENT);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "", 0755), -ENOENT);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/f/y", 0755), -ENOTDIR);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/a", 0555, 0), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/c", 0755), -EACCES);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0755), -EEXIST);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f", 0), -EACCES);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/b", VFS_AT_REMOVEDIR), -EACCES);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/a", 0755, 0), 0);
    /* rmdir / unlink errors */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a", VFS_AT_REMOVEDIR), -ENOTEMPTY);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a", 0), -EISDIR);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/", 0), -EISDIR);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f/", 0), -ENOTDIR);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f", VFS_AT_REMOVEDIR), -ENOTDIR);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/", VFS_AT_REMOVEDIR), -EBUSY);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/", 0), -EISDIR);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/.", VFS_AT_REMOVEDIR), -EINVAL);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/b/..", VFS_AT_REMOVEDIR), -ENOTEMPTY);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/zz", 0), -ENOENT);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f", 4), -EINVAL);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f", 0), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/b/", VFS_AT_REMOVEDIR), 0);
    EQ(st_of(fs, "/a", 0).nlink, 2);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a", VFS_AT_REMOVEDIR), 0);
    EQ(st_of(fs, "/", 0).nlink, p0.nlink);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/dangle", 0), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(hard_links)
{
    struct vfs *fs = mkfs();
    struct vfs_stat a, b;
    char buf[8];
    put_file(fs, "/f", "data");
    a = st_of(fs, "/f", 0);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, "/g", 0), 0);
    CHECK_FS(fs);
    b = st_of(fs, "/g", 0);
    EQ(a.ino, b.ino);
    EQ(b.nlink, 2);
    ck_assert_int_gt(b.ctime.tv_sec, a.ctime.tv_sec);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/f", 0), 0);
    EQ(st_of(fs, "/g", 0).nlink, 1);
    EQ(get_file(fs, "/g", buf, sizeof buf), 4);
    /* symlinks: linked themselves unless AT_SYMLINK_FOLLOW */
    EQ(vfs_symlinkat(fs, "/g", VFS_AT_ROOT, "/s"), 0);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/s", VFS_AT_ROOT, "/s2", 0), 0);
    EQ(st_of(fs, "/s2", VFS_AT_SYMLINK_NOFOLLOW).mode & VFS_S_IFMT, VFS_S_IFLNK);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/s", VFS_AT_ROOT, "/g2", VFS_AT_SYMLINK_FOLLOW), 0);
    EQ(st_of(fs, "/g2", VFS_AT_SYMLINK_NOFOLLOW).ino, b.ino);
    /* errors */
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/tmp", VFS_AT_ROOT, "/t2", 0), -EPERM);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/g", VFS_AT_ROOT, "/s", 0), -EEXIST);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/g", VFS_AT_ROOT, "/tmp/.", 0), -EEXIST);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/nope", VFS_AT_ROOT, "/x", 0), -ENOENT);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/g", VFS_AT_ROOT, "/x/", 0), -ENOENT);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/g", VFS_AT_ROOT, "/x", 8), -EINVAL);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/ro", 0555), 0);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/g", VFS_AT_ROOT, "/ro/x", 0), -EACCES);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(symlinks)
{
    struct vfs *fs = mkfs();
    char buf[64], big[VFS_PATH_MAX + 1];
    struct vfs_stat st;
    EQ(vfs_symlinkat(fs, "a/../b", VFS_AT_ROOT, "/l"), 0);
    st = st_of(fs, "/l", VFS_AT_SYMLINK_NOFOLLOW);
    EQ(st.mode, VFS_S_IFLNK | 0777);
    EQ(st.size, 6);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/l", buf, sizeof buf), 6);
    EQ(memcmp(buf, "a/../b", 6), 0);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/l", buf, 3), 3);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/l", buf, 0), -EINVAL);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/tmp", buf, 10), -EINVAL);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "/nope", buf, 10), -ENOENT);
    EQ(vfs_symlinkat(fs, "", VFS_AT_ROOT, "/e"), -ENOENT);
    EQ(vfs_symlinkat(fs, "x", VFS_AT_ROOT, "/l"), -EEXIST);
    EQ(vfs_symlinkat(fs, "x", VFS_AT_ROOT, "/new/"), -ENOENT);
    EQ(vfs_symlinkat(fs, "x", VFS_AT_ROOT, "/no/new"), -ENOENT);
    memset(big, 'a', sizeof big);
    big[VFS_PATH_MAX] = 0;
    EQ(vfs_symlinkat(fs, big, VFS_AT_ROOT, "/big"), -ENAMETOOLONG);
    big[VFS_PATH_MAX - 1] = 0;
    EQ(vfs_symlinkat(fs, big, VFS_AT_ROOT, "/big"), 0);
    EQ(st_of(fs, "/big", VFS_AT_SYMLINK_NOFOLLOW).size, VFS_PATH_MAX - 1);
    /* relative targets resolve from the link's directory */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    put_file(fs, "/d/t", "T");
    EQ(vfs_symlinkat(fs, "t", VFS_AT_ROOT, "/d/rel"), 0);
    EQ(vfs_symlinkat(fs, "d", VFS_AT_ROOT, "/dl"), 0);
    EQ(get_file(fs, "/d/rel", buf, sizeof buf), 1);
    EQ(get_file(fs, "/dl/rel", buf, sizeof buf), 1);
    EQ(vfs_symlinkat(fs, "/", VFS_AT_ROOT, "/root"), 0);
    EQ(st_of(fs, "/root", 0).ino, st_of(fs, "/", 0).ino);
    EQ(st_of(fs, "/root/d/t", 0).ino, st_of(fs, "/d/t", 0).ino);
    /* trailing slash follows even for lstat */
    EQ(st_of(fs, "/dl/", VFS_AT_SYMLINK_NOFOLLOW).mode & VFS_S_IFMT, VFS_S_IFDIR);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/l", 0700, VFS_AT_SYMLINK_NOFOLLOW), -EOPNOTSUPP);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(realpath_canon)
{
    struct vfs *fs = mkfs();
    char buf[64];
    int fd;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0755), 0);
    put_file(fs, "/a/b/f", "x");
    EQ(vfs_symlinkat(fs, "../a/b", VFS_AT_ROOT, "/a/lb"), 0);
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "//a/./lb/../b//f", buf, sizeof buf), 6);
    ck_assert_str_eq(buf, "/a/b/f");
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "/a/lb/", buf, sizeof buf), 4);
    ck_assert_str_eq(buf, "/a/b");
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "/../..", buf, sizeof buf), 1);
    ck_assert_str_eq(buf, "/");
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "/a/b/f", buf, 6), -ERANGE);
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "/a/b/f", buf, 7), 6);
    EQ(vfs_realpath(fs, VFS_AT_ROOT, "/a/nope", buf, sizeof buf), -ENOENT);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/a/b", VFS_O_RDONLY, 0);
    EQ(vfs_realpath(fs, fd, "f", buf, sizeof buf), 6);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), 4);
    ck_assert_str_eq(buf, "/a/b");
    EQ(vfs_fd_path(fs, fd, buf, 4), -ERANGE);
    EQ(vfs_fd_path(fs, 99, buf, sizeof buf), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/a/b/f", VFS_O_RDONLY, 0);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), -ENOTDIR);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("core");
    ADD(tc, mkdir_rmdir);
    ADD(tc, hard_links);
    ADD(tc, symlinks);
    ADD(tc, realpath_canon);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
