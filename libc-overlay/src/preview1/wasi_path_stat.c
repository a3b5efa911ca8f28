/*
 * wasi_path_stat.c - path_filestat_get and path_filestat_set_times.
 */
#include "times.h"

static int nofollow(int32_t lookup)
{
    return lookup & __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
               ? 0 : VFS_AT_SYMLINK_NOFOLLOW;
}

int32_t __imported_wasi_snapshot_preview1_path_filestat_get(
    int32_t dirfd, int32_t lookup, const char *path, int32_t len,
    __wasi_filestat_t *out)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    struct vfs_stat v;
    int r = __wasi_vfs_path_in(&fs, path, len, buf);

    if (r)
        return r;
    if (__wasi_vfs_fault(out, sizeof *out))
        return __WASI_ERRNO_FAULT;
    r = vfs_fstatat(fs, __wasi_vfs_dirfd(dirfd), buf, &v,
                    nofollow(lookup));
    if (r < 0)
        return -r;
    __wasi_vfs_filestat(&v, out);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_path_filestat_set_times(
    int32_t dirfd, int32_t lookup, const char *path, int32_t len,
    int64_t atim, int64_t mtim, int32_t fl)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    struct timespec ts[2];
    int r = __wasi_vfs_path_in(&fs, path, len, buf);

    if (r)
        return r;
    r = __wasi_vfs_times(ts, (__wasi_timestamp_t)atim,
                         (__wasi_timestamp_t)mtim, (__wasi_fstflags_t)fl);
    if (r == 0)
        r = vfs_utimensat(fs, __wasi_vfs_dirfd(dirfd), buf, ts,
                          nofollow(lookup));
    return -r;
}
