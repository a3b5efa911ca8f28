/* test_rename.c - vfs_renameat. */
#include "vfs_test.h"

START_TEST(rename_basic)
{
    struct vfs *fs = mkfs();
    char buf[16];
    struct vfs_stat s0, s1;
    put_file(fs, "/a", "A");
    put_file(fs, "/b", "B");
    s0 = st_of(fs, "/a", 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/a", VFS_AT_ROOT, "/c"), 0);
    CHECK_FS(fs);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a", &s1, 0), -ENOENT);
    s1 = st_of(fs, "/c", 0);
    EQ(s1.ino, s0.ino);
    ck_assert_int_gt(s1.ctime.tv_sec, s0.ctime.tv_sec);
    /* replace */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/c", VFS_AT_ROOT, "/b"), 0);
    CHECK_FS(fs);
    EQ(get_file(fs, "/b", buf, sizeof buf), 1);
    ck_assert_str_eq(buf, "A");
    /* onto a hard link of itself: nothing happens */
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/b", VFS_AT_ROOT, "/h", 0), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/b", VFS_AT_ROOT, "/h"), 0);
    EQ(st_of(fs, "/b", 0).nlink, 2);
    EQ(st_of(fs, "/h", 0).nlink, 2);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/b", VFS_AT_ROOT, "/b"), 0);
    /* a replaced open file stays readable */
    put_file(fs, "/x", "X");
    {
        int fd = vfs_openat(fs, VFS_AT_ROOT, "/x", VFS_O_RDONLY, 0);
        EQ(vfs_renameat(fs, VFS_AT_ROOT, "/h", VFS_AT_ROOT, "/x"), 0);
        CHECK_FS(fs);
        EQ(vfs_read(fs, fd, buf, 4), 1);
        EQ(buf[0], 'X');
        EQ(vfs_close(fs, fd), 0);
    }
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(rename_dirs)
{
    struct vfs *fs = mkfs();
    char buf[32];
    int fd;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d1", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d1/sub", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d2", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/empty", 0755), 0);
    put_file(fs, "/d2/f", "x");
    put_file(fs, "/file", "x");
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d1/sub", VFS_O_RDONLY, 0);
    /* move across directories: link counts follow */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1/sub", VFS_AT_ROOT, "/d2/sub"), 0);
    CHECK_FS(fs);
    EQ(st_of(fs, "/d1", 0).nlink, 2);
    EQ(st_of(fs, "/d2", 0).nlink, 3);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), 7);
    ck_assert_str_eq(buf, "/d2/sub");
    EQ(st_of(fs, "/d2/sub/..", 0).ino, st_of(fs, "/d2", 0).ino);
    /* onto an empty directory */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d2/sub", VFS_AT_ROOT, "/empty"), 0);
    CHECK_FS(fs);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), 6);
    ck_assert_str_eq(buf, "/empty");
    EQ(vfs_close(fs, fd), 0);
    /* errors */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1", VFS_AT_ROOT, "/file"), -ENOTDIR);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/d1"), -EISDIR);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/new/"), -ENOTDIR);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file/", VFS_AT_ROOT, "/new"), -ENOTDIR);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1", VFS_AT_ROOT, "/d2"), -ENOTEMPTY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d2/f", VFS_AT_ROOT, "/d2"), -ENOTEMPTY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1", VFS_AT_ROOT, "/d1/x"), -EINVAL);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d1/in", 0755), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1", VFS_AT_ROOT, "/d1/in/x"), -EINVAL);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/", VFS_AT_ROOT, "/x"), -EBUSY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/"), -EBUSY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1/.", VFS_AT_ROOT, "/x"), -EBUSY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/d1/.."), -EBUSY);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/nope", VFS_AT_ROOT, "/x"), -ENOENT);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/no/x"), -ENOENT);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d1", 0555, 0), 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/file", VFS_AT_ROOT, "/d1/file"), -EACCES);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1/in", VFS_AT_ROOT, "/in"), -EACCES);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d1", 0755, 0), 0);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d1/in", 0555, 0), 0);
    /* moving a directory to another parent needs write access to it */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1/in", VFS_AT_ROOT, "/in"), -EACCES);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d1/in", VFS_AT_ROOT, "/d1/in2"), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

/* VFS_ST_MOVED marks a directory once rename() moved or renamed it, and
 * nothing else: not a file, not a failed or no-op rename, not its parent. */
START_TEST(rename_marks_moved_dirs)
{
    struct vfs *fs = mkfs();
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d/sub", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/e", 0755), 0);
    put_file(fs, "/f", "x");
    EQ(st_of(fs, "/d/sub", 0).flags, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d/sub", VFS_AT_ROOT, "/d/sub"), 0);
    EQ(st_of(fs, "/d/sub", 0).flags, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d/sub", VFS_AT_ROOT, "/f"), -ENOTDIR);
    EQ(st_of(fs, "/d/sub", 0).flags, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, "/g"), 0);
    EQ(st_of(fs, "/g", 0).flags, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/d/sub", VFS_AT_ROOT, "/d/renamed"), 0);
    EQ(st_of(fs, "/d/renamed", 0).flags, VFS_ST_MOVED);
    EQ(st_of(fs, "/d", 0).flags, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/e", VFS_AT_ROOT, "/d/e"), 0);
    EQ(st_of(fs, "/d/e", 0).flags, VFS_ST_MOVED);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rename");
    TCase *tc = tcase_create("core");
    ADD(tc, rename_basic);
    ADD(tc, rename_dirs);
    ADD(tc, rename_marks_moved_dirs);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
