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

/* The walk cache (path.c) must never resolve a path differently from a
 * fresh walk: each change that could is made through a descriptor (no
 * path walk of its own replaces the cached path), and the path is
 * followed again. CHECK_FS also resolves the cache's text afresh. */
static int dirfd_of(struct vfs *fs, const char *path)
{
    int fd = vfs_openat(fs, VFS_AT_ROOT, path, VFS_O_PATH | VFS_O_DIRECTORY,
                        0);
    ck_assert_int_ge(fd, 0);
    return fd;
}

START_TEST(walk_cache_follows_changes)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    uint64_t old;
    int a, b;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/a/b/c", 0755), 0);
    put_file(fs, "/a/b/c/f", "x");
    a = dirfd_of(fs, "/a");
    b = dirfd_of(fs, "/a/b");
    old = st_of(fs, "/a/b/c/f", 0).ino; /* caches "/a/b/c/" */
    CHECK_FS(fs);
    /* a directory of the chain renamed: the old path is gone */
    EQ(vfs_renameat(fs, a, "b", a, "B"), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a/b/c/f", &st, 0), -ENOENT);
    EQ(st_of(fs, "/a/B/c/f", 0).ino, old); /* caches "/a/B/c/" */
    CHECK_FS(fs);
    /* search permission taken from a directory of the chain */
    EQ(vfs_fchmodat(fs, a, "B", 0600, 0), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a/B/c/f", &st, 0), -EACCES);
    EQ(vfs_fchmodat(fs, a, "B", 0755, 0), 0);
    EQ(st_of(fs, "/a/B/c/f", 0).ino, old);
    /* the cached directory removed, and another made under its name */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/B/c/f", 0), 0); /* "/a/B/c/" */
    EQ(vfs_unlinkat(fs, b, "c", VFS_AT_REMOVEDIR), 0);
    EQ(vfs_mkdirat(fs, b, "c", 0755), 0);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/a/B/c/f", &st, 0), -ENOENT);
    put_file(fs, "/a/B/c/f", "y");
    ck_assert(st_of(fs, "/a/B/c/f", 0).ino != old);
    CHECK_FS(fs);
    /* the cached directory replaced by another (rename over it) */
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/a/B/c/f", 0), 0); /* "/a/B/c/" */
    EQ(vfs_mkdirat(fs, a, "e", 0755), 0);
    EQ(vfs_renameat(fs, a, "e", b, "c"), 0);
    put_file(fs, "/a/B/c/g", "z");
    EQ(st_of(fs, "/a/B/c/g", 0).size, 1);
    CHECK_FS(fs);
    EQ(vfs_close(fs, a), 0);
    EQ(vfs_close(fs, b), 0);
    vfs_destroy(fs);
}
END_TEST

/* Paths that share only part of the cached one start at that part's
 * directory; different starting directories never share. */
START_TEST(walk_cache_shared_prefixes)
{
    struct vfs *fs = mkfs();
    struct vfs_stat st;
    int da, db;
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x/y", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x/y/z", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/x/yy", 0755), 0);
    put_file(fs, "/x/y/z/f", "1");
    put_file(fs, "/x/y/g", "22");
    put_file(fs, "/x/yy/h", "333");
    EQ(st_of(fs, "/x/y/z/f", 0).size, 1);  /* caches "/x/y/z/" */
    EQ(st_of(fs, "/x/y/g", 0).size, 2);    /* one name up */
    EQ(st_of(fs, "/x/y/z/f", 0).size, 1);
    EQ(st_of(fs, "/x/yy/h", 0).size, 3);   /* "/x/y" is not "/x/yy" */
    EQ(st_of(fs, "/x/y/z", 0).mode & VFS_S_IFMT, VFS_S_IFDIR);
    EQ(st_of(fs, "/x/y/z/", 0).mode & VFS_S_IFMT, VFS_S_IFDIR);
    EQ(st_of(fs, "//x//y//z//f", 0).size, 1);
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, "/x/y/g/", &st, 0), -ENOTDIR);
    CHECK_FS(fs);
    /* the same text from two directories */
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/p", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/p/s", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/q", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/q/s", 0755), 0);
    put_file(fs, "/p/s/f", "p");
    put_file(fs, "/q/s/f", "qq");
    da = vfs_openat(fs, VFS_AT_ROOT, "/p", VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    db = vfs_openat(fs, VFS_AT_ROOT, "/q", VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    ck_assert_int_ge(da, 0);
    ck_assert_int_ge(db, 0);
    EQ(vfs_fstatat(fs, da, "s/f", &st, 0), 0);
    EQ(st.size, 1);
    EQ(vfs_fstatat(fs, db, "s/f", &st, 0), 0);
    EQ(st.size, 2);
    EQ(vfs_fstatat(fs, da, "s/f", &st, 0), 0);
    EQ(st.size, 1);
    CHECK_FS(fs);
    EQ(vfs_close(fs, da), 0);
    EQ(vfs_close(fs, db), 0);
    vfs_destroy(fs);
}
END_TEST

/* A symbolic link on the way is never cached: changing it changes where
 * the path leads. */
START_TEST(walk_cache_symlinks)
{
    struct vfs *fs = mkfs();
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/one", 0755), 0);
    EQ(vfs_mkdirat(fs, VFS_AT_ROOT, "/two", 0755), 0);
    put_file(fs, "/one/f", "1");
    put_file(fs, "/two/f", "22");
    EQ(vfs_symlinkat(fs, "/one", VFS_AT_ROOT, "/l"), 0);
    EQ(st_of(fs, "/l/f", 0).size, 1);
    EQ(vfs_unlinkat(fs, VFS_AT_ROOT, "/l", 0), 0);
    EQ(vfs_symlinkat(fs, "two", VFS_AT_ROOT, "/l"), 0);
    EQ(st_of(fs, "/l/f", 0).size, 2);
    EQ(st_of(fs, "/one/../two/f", 0).size, 2);
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
    ADD(tc, walk_cache_follows_changes);
    ADD(tc, walk_cache_shared_prefixes);
    ADD(tc, walk_cache_symlinks);
    suite_add_tcase(s, tc);
    return s;
}

TEST_MAIN(suite)
