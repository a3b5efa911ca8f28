/* test_meta.c - stat fields, utimensat/futimens, chmod, umask, statvfs. */
#include "vfs_test.h"

START_TEST(stat_fields)
{
    struct vfs *fs = mkfs();
    struct vfs_stat a, b;
    put_file(fs, "/a", "12345");
    put_file(fs, "/b", "");
    a = st_of(fs, "/a", 0);
    b = st_of(fs, "/b", 0);
    ck_assert_uint_ne(a.ino, b.ino);
    EQ(a.dev, b.dev);
    ck_assert_uint_ne(a.ino, 0);
    EQ(a.size, 5);
    EQ(a.nlink, 1);
    EQ(a.uid, 0);
    EQ(a.blksize, 4096);
    EQ(st_of(fs, "/tmp", 0).size, 0);
    EQ(st_of(fs, "/dev/null", 0).rdev, 0x103);
    EQ(vfs_fstat(fs, 9, &a), -EBADF);
    vfs_destroy(fs);
}
END_TEST

START_TEST(utimens)
{
    struct vfs *fs = mkfs();
    struct timespec ts[2];
    struct vfs_stat st, s0;
    int fd;
    put_file(fs, "/f", "x");
    ts[0].tv_sec = 100;
    ts[0].tv_nsec = 5;
    ts[1].tv_sec = 200;
    ts[1].tv_nsec = 6;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", ts, 0), 0);
    st = st_of(fs, "/f", 0);
    EQ(st.atime.tv_sec, 100);
    EQ(st.atime.tv_nsec, 5);
    EQ(st.mtime.tv_sec, 200);
    ts[0].tv_nsec = VFS_UTIME_OMIT;
    ts[1].tv_nsec = VFS_UTIME_NOW;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", ts, 0), 0);
    s0 = st_of(fs, "/f", 0);
    EQ(s0.atime.tv_sec, 100);
    ck_assert_int_ne(s0.mtime.tv_sec, 200);
    ts[1].tv_nsec = VFS_UTIME_OMIT;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", ts, 0), 0);
    st = st_of(fs, "/f", 0);
    EQ(st.ctime.tv_sec, s0.ctime.tv_sec);
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", NULL, 0), 0);
    st = st_of(fs, "/f", 0);
    ck_assert_int_ne(st.atime.tv_sec, 100);
    ts[0].tv_nsec = 1000000000;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", ts, 0), -EINVAL);
    ts[0].tv_nsec = -1;
    EQ(vfs_futimens(fs, 0, ts), -EBADF); /* Linux: the fd comes first */
    ts[0].tv_nsec = 0;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/f", ts, 4), -EINVAL);
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/nope", ts, 0), -ENOENT);
    EQ(vfs_futimens(fs, 9, NULL), -EBADF);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    ts[0].tv_nsec = -1;
    ts[1].tv_nsec = VFS_UTIME_OMIT;
    EQ(vfs_futimens(fs, fd, ts), -EINVAL);
    ts[0].tv_nsec = 7;
    EQ(vfs_futimens(fs, fd, ts), 0);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.atime.tv_nsec, 7);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_symlinkat(fs, "/f", VFS_AT_ROOT, "/l"), 0);
    ts[0].tv_sec = 1;
    ts[1].tv_nsec = 0;
    ts[1].tv_sec = 2;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/l", ts, VFS_AT_SYMLINK_NOFOLLOW), 0);
    EQ(st_of(fs, "/l", VFS_AT_SYMLINK_NOFOLLOW).mtime.tv_sec, 2);
    ck_assert_int_ne(st_of(fs, "/f", 0).mtime.tv_sec, 2);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(chmod_umask)
{
    struct vfs *fs = mkfs();
    struct vfs_stat s0, s1;
    int fd;
    put_file(fs, "/f", "x");
    s0 = st_of(fs, "/f", 0);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/f", 0170755, 0), 0);
    s1 = st_of(fs, "/f", 0);
    EQ(s1.mode, VFS_S_IFREG | 0755);
    ck_assert_int_gt(s1.ctime.tv_sec, s0.ctime.tv_sec);
    EQ(s1.mtime.tv_sec, s0.mtime.tv_sec);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/f", 07777, 0), 0);
    EQ(st_of(fs, "/f", 0).mode, VFS_S_IFREG | 07777);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/f", 0, 2), -EINVAL);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/nope", 0, 0), -ENOENT);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    EQ(vfs_fchmod(fs, fd, 0600), 0);
    EQ(st_of(fs, "/f", 0).mode, VFS_S_IFREG | 0600);
    EQ(vfs_fchmod(fs, 9, 0600), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_PATH, 0);
    EQ(vfs_fchmod(fs, fd, 0600), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_umask(fs, 0777 | 01000), 022);
    EQ(vfs_umask(fs, 077), 0777);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0777), 0);
    EQ(st_of(fs, "/d", 0).mode, VFS_S_IFDIR | 0700);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(statvfs)
{
    struct vfs_config cfg;
    struct vfs_statvfs sv;
    struct vfs *fs;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 1 << 20;
    cfg.max_inodes = 100;
    fs = mkfs_cfg(&cfg);
    EQ(vfs_statvfs(fs, &sv), 0);
    EQ(sv.bsize, 4096);
    EQ(sv.blocks, 256);
    ck_assert_uint_le(sv.bfree, 256);
    EQ(sv.files, 100);
    EQ(sv.ffree, 95);
    EQ(sv.namemax, 255);
    vfs_destroy(fs);
    /* zero config means defaults; NULL config too */
    EQ(vfs_create(NULL, &fs), 0);
    EQ(vfs_statvfs(fs, &sv), 0);
    EQ(sv.blocks, (1 << 30) / 4096);
    EQ(sv.files, 1048576);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("core");
    ADD(tc, stat_fields);
    ADD(tc, utimens);
    ADD(tc, chmod_umask);
    ADD(tc, statvfs);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
