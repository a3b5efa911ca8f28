/* test_linux.c - behaviours where vfs differed from Linux until the
 * differential fuzzer (tests/fuzz) found them; one test each. */
#include "vfs_test.h"

static struct vfs_stat st_fd(struct vfs *fs, int fd)
{
    struct vfs_stat st;
    EQ(vfs_fstat(fs, fd, &st), 0);
    return st;
}

/* "/" followed by a name of n bytes of c. */
static const char *long_name(char *buf, size_t n, char c)
{
    buf[0] = '/';
    memset(buf + 1, c, n);
    buf[n + 1] = 0;
    return buf;
}

START_TEST(path_flag_drops_the_rest)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp",
                        VFS_O_PATH | VFS_O_CREAT | VFS_O_DIRECTORY, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/new", VFS_O_PATH | VFS_O_CREAT, 0644),
       -ENOENT);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/tmp",
                  VFS_O_RDONLY | VFS_O_CREAT | VFS_O_DIRECTORY, 0), -EINVAL);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(utimens_check_order)
{
    struct vfs *fs = mkfs();
    struct timespec ts[2] = {{1, VFS_UTIME_OMIT}, {2, VFS_UTIME_OMIT}};
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/missing", ts, 0), 0);
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/missing", ts, 99), 0);
    EQ(vfs_futimens(fs, 7, ts), 0);
    ts[0].tv_nsec = 1000000000;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/missing", ts, 0), -ENOENT);
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/tmp", ts, 0), -EINVAL);
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, "/tmp", ts, 99), -EINVAL);
    EQ(vfs_futimens(fs, 7, ts), -EBADF);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(last_name_length_checked_at_lookup)
{
    struct vfs *fs = mkfs();
    char m[300], p[320];
    long_name(m, 256, 'm');
    put_file(fs, "/f", "x");
    /* both parents are walked before either last name is looked up */
    EQ(vfs_renameat(fs, VFS_AT_ROOT, m, VFS_AT_ROOT, "/no/x"), -ENOENT);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, m, VFS_AT_ROOT, "/x"), -ENAMETOOLONG);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, m), -ENAMETOOLONG);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/f", VFS_AT_ROOT, m, 0), -ENAMETOOLONG);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, m, 0755), -ENAMETOOLONG);
    EQ(vfs_symlinkat(fs, "x", VFS_AT_ROOT, m), -ENAMETOOLONG);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, m, 0), -ENAMETOOLONG);
    /* search permission comes before the length */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0), 0);
    snprintf(p, sizeof p, "/d%s", m);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, p, &(struct vfs_stat){0}, 0), -EACCES);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, p, 0755), -EACCES);
    /* creating with a trailing slash: -EISDIR before the length */
    snprintf(p, sizeof p, "%s/", m);
    EQ(vfs_openat(fs, VFS_AT_ROOT, p, VFS_O_RDWR | VFS_O_CREAT, 0644),
       -EISDIR);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(readlink_empty_path)
{
    struct vfs *fs = mkfs();
    char buf[64];
    int fd, dir;
    EQ(vfs_symlinkat(fs, "target", VFS_AT_ROOT, "/l"), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/l", VFS_O_PATH | VFS_O_NOFOLLOW, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_readlinkat(fs, fd, "", buf, sizeof buf), 6);
    EQ(memcmp(buf, "target", 6), 0);
    EQ(vfs_readlinkat(fs, fd, "", buf, 0), -EINVAL);
    EQ(vfs_readlinkat(fs, 9, "", buf, sizeof buf), -EBADF);
    EQ(vfs_readlinkat(fs, VFS_AT_ROOT, "", buf, sizeof buf), -ENOENT);
    dir = vfs_openat(fs, VFS_AT_ROOT, "/tmp", VFS_O_RDONLY, 0);
    EQ(vfs_readlinkat(fs, dir, "", buf, sizeof buf), -ENOENT);
    EQ(vfs_close(fs, dir), 0);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(creat_trailing_slash_after_dot)
{
    struct vfs *fs = mkfs();
    int flags = VFS_O_RDONLY | VFS_O_CREAT;
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/.//", flags | VFS_O_EXCL, 0644),
       -EEXIST);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/tmp/../", flags | VFS_O_EXCL, 0644),
       -EEXIST);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/./", flags, 0644), -EISDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/tmp/", flags | VFS_O_EXCL, 0644),
       -EISDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/new/", flags, 0644), -EISDIR);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(ftruncate_not_writable)
{
    struct vfs *fs = mkfs();
    int fd, p;
    put_file(fs, "/f", "abc");
    fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDONLY, 0);
    p = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_PATH, 0);
    EQ(vfs_ftruncate(fs, fd, 0), -EINVAL);
    EQ(vfs_ftruncate(fs, p, 0), -EBADF);
    EQ(vfs_ftruncate(fs, 9, 0), -EBADF);
    EQ(vfs_ftruncate(fs, 9, -1), -EINVAL);
    EQ(st_of(fs, "/f", 0).size, 3);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_close(fs, p), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(data_change_clears_setid)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f", VFS_O_RDWR | VFS_O_CREAT, 0);
    EQ(vfs_fchmod(fs, fd, 06755), 0);
    EQ(vfs_write(fs, fd, "", 0), 0); /* nothing moved: kept */
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 06755);
    EQ(vfs_write(fs, fd, "x", 1), 1);
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 0755);
    EQ(vfs_fchmod(fs, fd, 02745), 0); /* no group execute: kept */
    EQ(vfs_pwrite(fs, fd, "y", 1, 5), 1);
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 02745);
    EQ(vfs_fchmod(fs, fd, 04755), 0);
    EQ(vfs_ftruncate(fs, fd, 1), 0);
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 0755);
    EQ(vfs_fchmod(fs, fd, 02775), 0);
    EQ(vfs_truncateat(fs, VFS_AT_ROOT, "/f", 1), 0);
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 0775);
    EQ(vfs_fchmod(fs, fd, 04700), 0);
    EQ(vfs_close(fs, vfs_openat(fs, VFS_AT_ROOT, "/f",
                                VFS_O_WRONLY | VFS_O_TRUNC, 0)), 0);
    EQ(st_fd(fs, fd).mode, VFS_S_IFREG | 0700);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(symlinks_not_limited_by_spliced_length)
{
    struct vfs *fs = mkfs();
    char name[300], target[4096], m[300];
    size_t len = 0;
    int i;
    /* /s -> "/N/../N/../.../N/.." (about 3.9 KB), which is "/" */
    long_name(name, 255, 'n');
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, name, 0755), 0);
    for (i = 0; i < 15; i++)
        len += (size_t)snprintf(target + len, sizeof target - len, "%s/..",
                                name);
    EQ(vfs_symlinkat(fs, target, VFS_AT_ROOT, "/s"), 0);
    EQ(st_of(fs, "/s/s/s/tmp", 0).ino, st_of(fs, "/tmp", 0).ino);
    /* a loop whose text grows with every hop still ends in -ELOOP */
    snprintf(target, sizeof target, "a%s", long_name(m, 256, 'm'));
    EQ(vfs_symlinkat(fs, target, VFS_AT_ROOT, "/a"), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a/b", &(struct vfs_stat){0}, 0),
       -ELOOP);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(lseek_directory_end)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/tmp", VFS_O_RDONLY, 0);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_END), -EINVAL);
    EQ(vfs_lseek(fs, fd, 3, VFS_SEEK_SET), 3);
    EQ(vfs_lseek(fs, fd, 1, VFS_SEEK_CUR), 4);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(nofollow_directory_symlink)
{
    struct vfs *fs = mkfs();
    EQ(vfs_symlinkat(fs, "/tmp", VFS_AT_ROOT, "/l"), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/l", VFS_O_NOFOLLOW | VFS_O_DIRECTORY, 0),
       -ENOTDIR);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/l", VFS_O_NOFOLLOW, 0), -ELOOP);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/l",
                  VFS_O_CREAT | VFS_O_EXCL | VFS_O_NOFOLLOW, 0644), -EEXIST);
    vfs_destroy(fs);
}
END_TEST

START_TEST(setgid_directory_passes_on)
{
    struct vfs *fs = mkfs();
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/tmp", 02777, 0), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/tmp/d", 0755), 0);
    EQ(st_of(fs, "/tmp/d", 0).mode, VFS_S_IFDIR | 02755);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/tmp/d/e", 0700), 0);
    EQ(st_of(fs, "/tmp/d/e", 0).mode, VFS_S_IFDIR | 02700);
    put_file(fs, "/tmp/f", "x");
    EQ(st_of(fs, "/tmp/f", 0).mode, VFS_S_IFREG | 0644);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/g", 02755), 0); /* not asked for */
    EQ(st_of(fs, "/g", 0).mode, VFS_S_IFDIR | 0755);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(empty_append_write_keeps_offset)
{
    struct vfs *fs = mkfs();
    int fd = vfs_openat(fs, VFS_AT_ROOT, "/f",
                        VFS_O_RDWR | VFS_O_CREAT | VFS_O_APPEND, 0644);
    EQ(vfs_write(fs, fd, "abc", 3), 3);
    EQ(vfs_lseek(fs, fd, 1, VFS_SEEK_SET), 1);
    EQ(vfs_write(fs, fd, "", 0), 0);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 1);
    EQ(vfs_write(fs, fd, "d", 1), 1);
    EQ(vfs_lseek(fs, fd, 0, VFS_SEEK_CUR), 4);
    EQ(vfs_close(fs, fd), 0);
    vfs_destroy(fs);
}
END_TEST

START_TEST(removed_directory_dotdot)
{
    struct vfs *fs = mkfs();
    struct vfs_statvfs sv0, sv;
    struct vfs_stat st;
    int fd, up, top;
    EQ(vfs_statvfs(fs, &sv0), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0755), 0);
    put_file(fs, "/a/f", "F");
    fd = vfs_openat(fs, VFS_AT_ROOT, "/a/b", VFS_O_RDONLY, 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/b", VFS_AT_REMOVEDIR), 0);
    CHECK_FS(fs);
    EQ(vfs_fstatat(fs, fd, "../f", &st, 0), 0);
    EQ(st.size, 1);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/f", 0), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a", VFS_AT_REMOVEDIR), 0);
    CHECK_FS(fs);
    /* the removed /a lives on while /a/b needs it */
    up = vfs_openat(fs, fd, "..", VFS_O_RDONLY, 0);
    ck_assert_int_ge(up, 0);
    st = st_fd(fs, up);
    EQ(st.nlink, 0);
    EQ(st.mode & VFS_S_IFMT, VFS_S_IFDIR);
    top = vfs_openat(fs, fd, "../..", VFS_O_PATH, 0);
    EQ(st_fd(fs, top).ino, st_of(fs, "/", 0).ino);
    EQ(vfs_mkdirat(fs, fd, "../x", 0755), -ENOENT);
    EQ(vfs_close(fs, up), 0);
    EQ(vfs_close(fs, top), 0);
    CHECK_FS(fs);
    EQ(vfs_close(fs, fd), 0); /* frees /a/b, then /a */
    CHECK_FS(fs);
    EQ(vfs_statvfs(fs, &sv), 0);
    EQ(sv.ffree, sv0.ffree);
    /* replaced by rename: the same */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/p", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/p/q", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/r", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/p/q", VFS_O_PATH, 0);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/r", VFS_AT_ROOT, "/p/q"), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/p/q", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/p", VFS_AT_REMOVEDIR), 0);
    CHECK_FS(fs);
    EQ(vfs_fstatat(fs, fd, "..", &st, 0), 0);
    EQ(st.nlink, 0);
    vfs_destroy(fs); /* with the descriptor open */
}
END_TEST

START_TEST(removed_directory_lists_enoent)
{
    struct vfs *fs = mkfs();
    char m[300];
    int fd;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/d", VFS_O_RDONLY, 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/d", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_readdir(fs, fd, 0, NULL, NULL), -ENOENT);
    /* nothing is looked up in it, however long the name */
    long_name(m, 256, 'm');
    EQ(vfs_openat(fs, fd, m + 1, VFS_O_RDONLY, 0), -ENOENT);
    EQ(vfs_mkdirat(fs, fd, m + 1, 0755), -ENOENT);
    EQ(vfs_openat(fs, fd, "x", VFS_O_RDONLY, 0), -ENOENT);
    /* looking the new name up there fails before the slash rules apply */
    put_file(fs, "/f", "x");
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/f/", fd, "e/"), -ENOENT);
    EQ(vfs_renameat(fs, VFS_AT_ROOT, "/f", fd, "e"), -ENOENT);
    EQ(vfs_linkat(fs, VFS_AT_ROOT, "/f", fd, "e", 0), -ENOENT);
    EQ(vfs_mkdirat(fs, fd, ".", 0755), -EEXIST);
    EQ(vfs_symlinkat(fs, "t", fd, "."), -EEXIST);
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("linux");
    TCase *tc = tcase_create("core");
    ADD(tc, path_flag_drops_the_rest);
    ADD(tc, utimens_check_order);
    ADD(tc, last_name_length_checked_at_lookup);
    ADD(tc, readlink_empty_path);
    ADD(tc, creat_trailing_slash_after_dot);
    ADD(tc, ftruncate_not_writable);
    ADD(tc, data_change_clears_setid);
    ADD(tc, symlinks_not_limited_by_spliced_length);
    ADD(tc, lseek_directory_end);
    ADD(tc, nofollow_directory_symlink);
    ADD(tc, setgid_directory_passes_on);
    ADD(tc, empty_append_write_keeps_offset);
    ADD(tc, removed_directory_dotdot);
    ADD(tc, removed_directory_lists_enoent);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
