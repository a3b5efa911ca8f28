/*
 * wasi_fd_pos.c - fd_pread and fd_pwrite on the module's descriptors.
 */
#include "../internal.h"

/* op is vfs_preadv or vfs_pwritev. As in stream.c, a bad descriptor or
 * offset is reported before an iovec array that cannot be taken in. */
static int32_t prw(int32_t fd, const __wasi_iovec_t *iovs, int32_t n,
                   int64_t offset, __wasi_size_t *count,
                   ssize_t (*op)(struct vfs *, int, const struct vfs_iovec *,
                                 int, int64_t))
{
    struct vfs *fs = __wasi_vfs();
    int32_t e = __wasi_vfs_iovecs(iovs, n, count);
    ssize_t r = fs ? op(fs, fd, __wasi_vfs_iov, e ? 0 : n, offset) : -ENOMEM;

    if (r < 0)
        return (int32_t)-r;
    if (!e)
        *count = (__wasi_size_t)r;
    return e;
}

int32_t __imported_wasi_snapshot_preview1_fd_pread(int32_t fd,
                                                   const __wasi_iovec_t *iovs,
                                                   int32_t n, int64_t offset,
                                                   __wasi_size_t *nread)
{
    return prw(fd, iovs, n, offset, nread, vfs_preadv);
}

int32_t __imported_wasi_snapshot_preview1_fd_pwrite(
    int32_t fd, const __wasi_ciovec_t *iovs, int32_t n, int64_t offset,
    __wasi_size_t *nwritten)
{
    return prw(fd, (const __wasi_iovec_t *)iovs, n, offset, nwritten,
               vfs_pwritev);
}
