/*
 * wasi_path_names.c - the preview1 calls that make, remove and read names:
 * path_create_directory, path_remove_directory, path_unlink_file,
 * path_rename, path_link, path_symlink, path_readlink. Each takes its
 * names in with __wasi_vfs_path_in/paths_in (cpath.c) and returns the
 * core's error as a WASI errno.
 */
#include "../internal.h"

int32_t __imported_wasi_snapshot_preview1_path_create_directory(
    int32_t dirfd, const char *path, int32_t len)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    int r = __wasi_vfs_path_in(&fs, path, len, buf);
    return r ? r : -vfs_mkdirat(fs, __wasi_vfs_dirfd(dirfd), buf, 0777);
}

/* path_remove_directory and path_unlink_file: unlinkat with FLAGS. */
static int32_t remove_name(int32_t dirfd, const char *path, int32_t len,
                           int flags)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    int r = __wasi_vfs_path_in(&fs, path, len, buf);
    return r ? r : -vfs_unlinkat(fs, __wasi_vfs_dirfd(dirfd), buf, flags);
}

int32_t __imported_wasi_snapshot_preview1_path_remove_directory(
    int32_t dirfd, const char *path, int32_t len)
{
    return remove_name(dirfd, path, len, VFS_AT_REMOVEDIR);
}

int32_t __imported_wasi_snapshot_preview1_path_unlink_file(int32_t dirfd,
                                                           const char *path,
                                                           int32_t len)
{
    return remove_name(dirfd, path, len, 0);
}

int32_t __imported_wasi_snapshot_preview1_path_rename(
    int32_t olddirfd, const char *oldpath, int32_t oldlen, int32_t newdirfd,
    const char *newpath, int32_t newlen)
{
    struct vfs *fs;
    char a[VFS_PATH_MAX], b[VFS_PATH_MAX];
    int r = __wasi_vfs_paths_in(&fs, oldpath, oldlen, a, newpath, newlen, b);
    return r ? r
             : -vfs_renameat(fs, __wasi_vfs_dirfd(olddirfd), a,
                             __wasi_vfs_dirfd(newdirfd), b);
}

int32_t __imported_wasi_snapshot_preview1_path_link(
    int32_t olddirfd, int32_t lookup, const char *oldpath, int32_t oldlen,
    int32_t newdirfd, const char *newpath, int32_t newlen)
{
    struct vfs *fs;
    char a[VFS_PATH_MAX], b[VFS_PATH_MAX];
    int r = __wasi_vfs_paths_in(&fs, oldpath, oldlen, a, newpath, newlen, b);
    return r ? r
             : -vfs_linkat(fs, __wasi_vfs_dirfd(olddirfd), a,
                           __wasi_vfs_dirfd(newdirfd), b,
                           lookup & __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
                               ? VFS_AT_SYMLINK_FOLLOW : 0);
}

int32_t __imported_wasi_snapshot_preview1_path_symlink(
    const char *target, int32_t targetlen, int32_t dirfd, const char *path,
    int32_t len)
{
    struct vfs *fs;
    char a[VFS_PATH_MAX], b[VFS_PATH_MAX];
    int r = __wasi_vfs_paths_in(&fs, target, targetlen, a, path, len, b);
    return r ? r : -vfs_symlinkat(fs, a, __wasi_vfs_dirfd(dirfd), b);
}

int32_t __imported_wasi_snapshot_preview1_path_readlink(
    int32_t dirfd, const char *path, int32_t len, char *out, int32_t outlen,
    __wasi_size_t *used)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    ssize_t r = __wasi_vfs_path_in(&fs, path, len, buf);
    if (r)
        return (int32_t)r;
    if (__wasi_vfs_fault(out, (uint32_t)outlen) ||
        __wasi_vfs_fault(used, sizeof *used))
        return __WASI_ERRNO_FAULT;
    r = vfs_readlinkat(fs, __wasi_vfs_dirfd(dirfd), buf, out,
                       (size_t)(uint32_t)outlen);
    if (r < 0)
        return (int32_t)-r;
    *used = (__wasi_size_t)r;
    return 0;
}
