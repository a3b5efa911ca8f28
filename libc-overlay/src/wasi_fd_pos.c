/*
 * wasi_fd_pos.c - fd_pread and fd_pwrite on the module's descriptors.
 */
#include "internal.h"

static int32_t done(ssize_t r, __wasi_size_t *count)
{
    if (r < 0)
        return (int32_t)-r;
    *count = (__wasi_size_t)r;
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_fd_pread(int32_t fd,
                                                   const __wasi_iovec_t *iovs,
                                                   int32_t n, int64_t offset,
                                                   __wasi_size_t *nread)
{
    return done(vfs_preadv(__wasi_vfs(), fd, (const struct vfs_iovec *)iovs,
                           n, offset),
                nread);
}

int32_t __imported_wasi_snapshot_preview1_fd_pwrite(
    int32_t fd, const __wasi_ciovec_t *iovs, int32_t n, int64_t offset,
    __wasi_size_t *nwritten)
{
    return done(vfs_pwritev(__wasi_vfs(), fd, (const struct vfs_iovec *)iovs,
                            n, offset),
                nwritten);
}
