/* test_open.c - vfs_create, vfs_openat, vfs_close. */
#include "vfs_test.h"

START_TEST(initial_tree)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    st = st_of(fs, "/", 0);
    EQ(st.mode, VFS_S_IFDIR | 0755);
    EQ(st.nlink, 4); /* ".", "..", tmp, dev */
    st = st_of(fs, "/tmp", 0);
    EQ(st.mode, VFS_S_IFDIR | 01777);
    st = st_of(fs, "/dev", 0);
    EQ(st.mode, VFS_S_IFDIR | 0755);
    st = st_of(fs, "/dev/null", 0);
    EQ(st.mode, VFS_S_IFCHR | 0666);
    st = st_of(fs, "/dev/zero", 0);
    EQ(st.mode, VFS_S_IFCHR | 0666);
    EQ(vfs_umask(fs, 0), 022);
    EQ(vfs_fd_check(fs, 0), -EBADF);
    CHECK_FS(fs);
    vfs_destroy(fs);
    vfs_destroy(NULL);
}
END_TEST

START_TEST(create_and_reopen)
{
    struct vfs *fs = mkfs();
    char buf[64];
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/a", VFS_O_RDWR | VFS_O_CREAT, 0666);
    EQ(fd, 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/a", VFS_O_RDONLY, 0), 1);
    EQ(vfs_close(fs, 0), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "a", VFS_O_RDONLY, 0), 0); /* lowest */
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a", &(struct vfs_stat){0}, 0), 0);
    EQ(st_of(fs, "/a", 0).mode, VFS_S_IFREG | 0644); /* umask 022 */
    EQ(vfs_close(fs, 0), 0);
    EQ(vfs_close(fs, 1), 0);
    EQ(vfs_close(fs, 1), -EBADF);
    EQ(vfs_close(fs, -1), -EBADF);
    put_file(fs, "/b", "hello");
    EQ(get_file(fs, "/b", buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "hello");
    /* O_TRUNC empties, O_APPEND appends */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/b", VFS_O_WRONLY | VFS_O_APPEND, 0);
    EQ(vfs_write(fs, fd, "!", 1), 1);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_SET), 0);
    EQ(vfs_write(fs, fd, "?", 1), 1);
    EQ(vfs_close(fs, fd), 0);
    EQ(get_file(fs, "/b", buf, sizeof buf), 7);
    ck_assert_str_eq(buf, "hello!?");
    fd = vfs_openat(fs, VFS_AT_ROOT, "/b", VFS_O_WRONLY | VFS_O_TRUNC, 0);
    EQ(st_of(fs, "/b", 0).size, 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(open_errors)
{
    struct vfs *fs = mkfs();
    int fd;
    put_file(fs, "/f", "x");
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    EQ(vfs_symlinkat(fs, "/nowhere", VFS_AT_ROOT, "/dangle"), 0);
    EQ(vfs_symlinkat(fs, "/f", VFS_AT_ROOT, "/lf"), 0);
    /* -ENOENT */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/x/y", VFS_O_RDONLY | VFS_O_CREAT, 0644), -ENOENT);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/x", VFS_O_RDONLY, 0), -ENOENT);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/dangle", VFS_O_RDONLY, 0), -ENOENT);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "", VFS_O_RDONLY, 0), -ENOENT);
    /* a dangling symlink with O_CREAT creates its target */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/dangle", VFS_O_WRONLY | VFS_O_CREAT, 0644);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(st_of(fs, "/nowhere", 0).mode, VFS_S_IFREG | 0644);
    /* -EEXIST, a symlink counts */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT | VFS_O_EXCL, 0644), -EEXIST);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/lf", VFS_O_RDWR | VFS_O_CREAT | VFS_O_EXCL, 0644), -EEXIST);
    /* -EISDIR */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_WRONLY, 0), -EISDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDWR, 0), -EISDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY | VFS_O_CREAT, 0644), -EISDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/new/", VFS_O_RDWR | VFS_O_CREAT, 0644), -EISDIR);
    /* -ENOTDIR */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f/x", VFS_O_RDONLY, 0), -ENOTDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY | VFS_O_DIRECTORY, 0), -ENOTDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f/", VFS_O_RDONLY, 0), -ENOTDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/lf/", VFS_O_RDONLY, 0), -ENOTDIR);
    /* -ELOOP */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/lf", VFS_O_RDONLY | VFS_O_NOFOLLOW, 0), -ELOOP);
    EQ(vfs_symlinkat(fs, "/loop", VFS_AT_ROOT, "/loop"), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/loop", VFS_O_RDONLY, 0), -ELOOP);
    /* O_PATH|O_NOFOLLOW opens the symlink itself */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/lf", VFS_O_PATH | VFS_O_NOFOLLOW, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_read(fs, fd, &(char){0}, 1), -EBADF);
    EQ(vfs_close(fs, fd), 0);
    /* -EACCES */
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/f", 0200, 0), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0), -EACCES);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR, 0), -EACCES);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/f", 0400, 0), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_WRONLY, 0), -EACCES);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY | VFS_O_TRUNC, 0), -EACCES);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_PATH, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d", 0644, 0), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/d/x", VFS_O_RDONLY, 0), -EACCES);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d", 0555, 0), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/d/x", VFS_O_RDWR | VFS_O_CREAT, 0644), -EACCES);
    /* created file gets the access it asked for even if perm denies it */
    fd = vfs_openat(fs, VFS_AT_ROOT, "/ro", VFS_O_RDWR | VFS_O_CREAT, 0444);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_write(fs, fd, "a", 1), 1);
    EQ(vfs_close(fs, fd), 0);
    /* -EINVAL */
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_ACCMODE, 0), -EINVAL);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", 0x10000, 0), -EINVAL);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_PATH | VFS_O_WRONLY, 0), -EINVAL);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/z", VFS_O_CREAT | VFS_O_DIRECTORY, 0), -EINVAL);
    /* -EBADF dirfd, -ENOTDIR dirfd */
    EQ(vfs_openat(fs, 42, "f", VFS_O_RDONLY, 0), -EBADF);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/ro", VFS_O_RDONLY, 0);
    EQ(vfs_openat(fs, fd, "f", VFS_O_RDONLY, 0), -ENOTDIR);
    /* an absolute path ignores dirfd */
    EQ(vfs_openat(fs, 42, "/ro", VFS_O_RDONLY, 0), fd + 1);
    EQ(vfs_close(fs, fd + 1), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(dirfd_relative)
{
    struct vfs *fs = mkfs();
    int d, fd;
    char buf[16];
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    d = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    ck_assert_int_ge(d, 0);
    fd = vfs_openat(fs, d, "x", VFS_O_WRONLY | VFS_O_CREAT, 0644);
    EQ(vfs_write(fs, fd, "rel", 3), 3);
    EQ(vfs_close(fs, fd), 0);
    EQ(get_file(fs, "/d/x", buf, sizeof buf), 3);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "d/x", VFS_O_RDONLY, 0), fd);
    EQ(vfs_close(fs, fd), 0);
    fd = vfs_openat(fs, d, "..", VFS_O_PATH, 0);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), 1);
    ck_assert_str_eq(buf, "/");
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_close(fs, d), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(unlinked_open_file)
{
    struct vfs *fs = mkfs();
    char buf[16];
    struct vfs_stat st;
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/t", VFS_O_RDWR | VFS_O_CREAT, 0644);
    int fd2 = vfs_dup(fs, fd);
    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/t", 0), 0);
    CHECK_FS(fs);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/t", VFS_O_RDONLY, 0), -ENOENT);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.nlink, 0);
    EQ(vfs_write(fs, fd, "def", 3), 3);
    EQ(vfs_pread(fs, fd, buf, sizeof buf, 0), 6);
    EQ(memcmp(buf, "abcdef", 6), 0);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    EQ(vfs_pread(fs, fd2, buf, 3, 3), 3);
    EQ(memcmp(buf, "def", 3), 0);
    EQ(vfs_close(fs, fd2), 0);
    CHECK_FS(fs);
    /* a removed directory stays usable as a handle but is empty */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/gone", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/gone", VFS_O_RDONLY, 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/gone", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_openat(fs, fd, "n", VFS_O_RDWR | VFS_O_CREAT, 0644), -ENOENT);
    EQ(vfs_mkdirat(fs, fd, "n", 0755), -ENOENT);
    /* as on Linux, ".." still leads where it did */
    fd2 = vfs_openat(fs, fd, "..", VFS_O_RDONLY, 0);
    ck_assert_int_ge(fd2, 0);
    EQ(vfs_fstat(fs, fd2, &st), 0);
    EQ(st.ino, st_of(fs, "/", 0).ino);
    EQ(vfs_close(fs, fd2), 0);
    EQ(vfs_fd_path(fs, fd, buf, sizeof buf), -ENOENT);
    EQ(vfs_fstat(fs, fd, &st), 0);
    EQ(st.nlink, 0);
    CHECK_FS(fs);
    vfs_destroy(fs); /* with descriptors still open */
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("open");
    TCase *tc = tcase_create("core");
    ADD(tc, initial_tree);
    ADD(tc, create_and_reopen);
    ADD(tc, open_errors);
    ADD(tc, dirfd_relative);
    ADD(tc, unlinked_open_file);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
