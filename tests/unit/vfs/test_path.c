/* test_path.c - path resolution rules. */
#include "vfs_test.h"

START_TEST(dots_and_slashes)
{
    struct vfs *fs = mkfs();
    uint64_t root = st_of(fs, "/", 0).ino, tmp = st_of(fs, "/tmp", 0).ino;
    EQ(st_of(fs, "/..", 0).ino, root);
    EQ(st_of(fs, "/../../tmp/..", 0).ino, root);
    EQ(st_of(fs, "//tmp///", 0).ino, tmp);
    EQ(st_of(fs, "/tmp/.", 0).ino, tmp);
    EQ(st_of(fs, "tmp", 0).ino, tmp);
    EQ(st_of(fs, ".", 0).ino, root);
    EQ(st_of(fs, "///", 0).ino, root);
    put_file(fs, "/tmp/f", "x");
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp/f/", &(struct vfs_stat){0}, 0), -ENOTDIR);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp/f/.", &(struct vfs_stat){0}, 0), -ENOTDIR);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp/f/..", &(struct vfs_stat){0}, 0), -ENOTDIR);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "", &(struct vfs_stat){0}, 0), -ENOENT);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/tmp", &(struct vfs_stat){0}, 2), -EINVAL);
    EQ(vfs_fstatat(fs, 5, "tmp", &(struct vfs_stat){0}, 0), -EBADF);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(name_and_path_limits)
{
    struct vfs *fs = mkfs();
    char name[300], path[VFS_PATH_MAX + 8];
    memset(name, 'n', sizeof name);
    name[0] = '/';
    name[256] = 0; /* 255-byte component */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, name, 0755), 0);
    name[256] = 'n';
    name[257] = 0; /* 256 bytes */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, name, 0755), -ENAMETOOLONG);
    EQ(vfs_openat(fs, VFS_AT_ROOT, name, VFS_O_RDONLY, 0), -ENAMETOOLONG);
    /* path of 4095 bytes is fine, 4096 is too long */
    memset(path, '/', sizeof path);
    memcpy(path + VFS_PATH_MAX - 1 - 3, "tmp", 3);
    path[VFS_PATH_MAX - 1] = 0;
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &(struct vfs_stat){0}, 0), 0);
    memset(path, '/', sizeof path);
    memcpy(path + VFS_PATH_MAX - 3, "tmp", 3);
    path[VFS_PATH_MAX] = 0;
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &(struct vfs_stat){0}, 0), -ENAMETOOLONG);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(symlink_hops)
{
    struct vfs *fs = mkfs();
    char from[32], to[32];
    int i, fd;
    put_file(fs, "/target", "t");
    /* /l1 -> /l2 -> ... -> /l40 -> /target: 40 hops */
    for (i = 1; i <= 41; i++) {
        snprintf(from, sizeof from, "/l%d", i);
        if (i == 41)
            snprintf(to, sizeof to, "/target");
        else
            snprintf(to, sizeof to, "/l%d", i + 1);
        EQ(vfs_symlinkat(fs, to, VFS_AT_ROOT, from), 0);
    }
    fd = vfs_openat(fs, VFS_AT_ROOT, "/l2", VFS_O_RDONLY, 0);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_close(fs, fd), 0);
    EQ(vfs_openat(fs, VFS_AT_ROOT, "/l1", VFS_O_RDONLY, 0), -ELOOP);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/l1", &(struct vfs_stat){0}, VFS_AT_SYMLINK_NOFOLLOW), 0);
    /* a loop in the middle of a path */
    EQ(vfs_symlinkat(fs, "a", VFS_AT_ROOT, "/b"), 0);
    EQ(vfs_symlinkat(fs, "b", VFS_AT_ROOT, "/a"), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a/x", &(struct vfs_stat){0}, 0), -ELOOP);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

START_TEST(search_permission)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/d", 0755), 0);
    put_file(fs, "/d/f", "x");
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d", 0644, 0), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d/f", &st, 0), -EACCES);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d/.", &st, 0), -EACCES);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/d", &st, 0), 0);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/d/f", 0), -EACCES);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d", 0755, 0), 0);
    /* access checks use the owner bits */
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", VFS_R_OK | VFS_W_OK, 0), 0);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", VFS_X_OK, 0), -EACCES);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", VFS_F_OK, VFS_AT_EACCESS), 0);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", 8, 0), -EINVAL);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", 0, 0x100), -EINVAL);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/nope", 0, 0), -ENOENT);
    EQ(vfs_fchmodat(fs, VFS_AT_ROOT, "/d/f", 0070, 0), 0);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", VFS_R_OK, 0), -EACCES);
    EQ(vfs_faccessat(fs, VFS_AT_ROOT, "/d/f", VFS_W_OK, 0), -EACCES);
    CHECK_FS(fs);
    vfs_destroy(fs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("path");
    TCase *tc = tcase_create("core");
    ADD(tc, dots_and_slashes);
    ADD(tc, name_and_path_limits);
    ADD(tc, symlink_hops);
    ADD(tc, search_permission);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
