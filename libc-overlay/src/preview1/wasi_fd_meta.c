/*
 * wasi_fd_meta.c - the descriptor calls about a file rather than its
 * bytes: fd_filestat_get/set_size/set_times, fd_allocate, fd_advise,
 * fd_sync, fd_datasync.
 */
#include "times.h"

int32_t __imported_wasi_snapshot_preview1_fd_filestat_get(
    int32_t fd, __wasi_filestat_t *out)
{
    struct vfs *fs = __wasi_vfs();
    struct vfs_stat v;
    int r;
    if (__wasi_vfs_fault(out, sizeof *out))
        return __WASI_ERRNO_FAULT;
    r = fs ? vfs_fstat(fs, fd, &v) : -ENOMEM;
    if (r < 0)
        return -r;
    __wasi_vfs_filestat(&v, out);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_fd_filestat_set_size(int32_t fd,
                                                               int64_t size)
{
    struct vfs *fs = __wasi_vfs();
    return fs ? -vfs_ftruncate(fs, fd, size) : __WASI_ERRNO_NOMEM;
}

int32_t __imported_wasi_snapshot_preview1_fd_filestat_set_times(
    int32_t fd, int64_t atim, int64_t mtim, int32_t fl)
{
    struct vfs *fs = __wasi_vfs();
    struct timespec ts[2];
    int r = __wasi_vfs_times(ts, (__wasi_timestamp_t)atim,
                             (__wasi_timestamp_t)mtim, (__wasi_fstflags_t)fl);
    return -(r ? r : fs ? vfs_futimens(fs, fd, ts) : -ENOMEM);
}

int32_t __imported_wasi_snapshot_preview1_fd_allocate(int32_t fd,
                                                      int64_t offset,
                                                      int64_t len)
{
    struct vfs *fs = __wasi_vfs();
    return fs ? -vfs_fallocate(fs, fd, offset, len) : __WASI_ERRNO_NOMEM;
}

/* Advice changes nothing in memory; the descriptor is still checked. */
int32_t __imported_wasi_snapshot_preview1_fd_advise(int32_t fd,
                                                    int64_t offset,
                                                    int64_t len,
                                                    int32_t advice)
{
    struct vfs *fs = __wasi_vfs();
    struct vfs_stat v;
    int r = fs ? vfs_fstat(fs, fd, &v) : -ENOMEM;
    (void)offset;
    if (r < 0)
        return -r;
    if ((v.mode & VFS_S_IFMT) == VFS_S_IFIFO)
        return __WASI_ERRNO_SPIPE;
    if (len < 0 || (uint32_t)advice > __WASI_ADVICE_NOREUSE)
        return __WASI_ERRNO_INVAL;
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_fd_sync(int32_t fd)
{
    struct vfs *fs = __wasi_vfs();
    return fs ? -vfs_fsync(fs, fd) : __WASI_ERRNO_NOMEM;
}

int32_t __imported_wasi_snapshot_preview1_fd_datasync(int32_t fd)
{
    return __imported_wasi_snapshot_preview1_fd_sync(fd);
}
