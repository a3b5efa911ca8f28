/*
 * wasi_stream.c - fd_read, fd_write, fd_close, fd_seek, fd_tell and
 * fd_fdstat_get: the preview1 calls stdio makes on every descriptor.
 *
 * Before the filesystem exists only descriptors 0, 1, 2 exist, and they
 * are the host's: reads, writes and fdstat go to the host, seeks too when
 * the host seeks its descriptor (a file; a pipe is ESPIPE: host_seek.c), and
 * a close is remembered in __wasi_vfs_std_closed (the host descriptor
 * itself is never closed), and the host checks the pointers it is given.
 * Afterwards __wasi_vfs_stream serves them all, and a pointer outside
 * memory is EFAULT (internal.h).
 */
#include "../internal.h"

unsigned char __wasi_vfs_std_closed;
const struct __wasi_vfs_stream *__wasi_vfs_stream;

int32_t __imported_wasi_snapshot_preview1_fd_read(int32_t fd,
                                                  const __wasi_iovec_t *iovs,
                                                  int32_t n,
                                                  __wasi_size_t *nread)
{
    if (__wasi_vfs_stream)
        return __wasi_vfs_stream->read(fd, iovs, n, nread);
    if (!__wasi_vfs_std_open(fd))
        return __WASI_ERRNO_BADF;
    return __wasi_vfs_host_fd_read(fd, iovs, n, nread);
}

int32_t __imported_wasi_snapshot_preview1_fd_write(int32_t fd,
                                                   const __wasi_ciovec_t *iovs,
                                                   int32_t n,
                                                   __wasi_size_t *nwritten)
{
    if (__wasi_vfs_stream)
        return __wasi_vfs_stream->write(fd, iovs, n, nwritten);
    if (!__wasi_vfs_std_open(fd))
        return __WASI_ERRNO_BADF;
    return __wasi_vfs_host_fd_write(fd, iovs, n, nwritten);
}

int32_t __imported_wasi_snapshot_preview1_fd_close(int32_t fd)
{
    if (__wasi_vfs_stream)
        return __wasi_vfs_stream->close(fd);
    if (!__wasi_vfs_std_open(fd))
        return __WASI_ERRNO_BADF;
    __wasi_vfs_std_closed |= 1 << fd;
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_fd_seek(int32_t fd, int64_t offset,
                                                  int32_t whence,
                                                  __wasi_filesize_t *newoffset)
{
    if (__wasi_vfs_stream)
        return __wasi_vfs_stream->seek(fd, offset, whence, newoffset);
    if (!__wasi_vfs_std_open(fd))
        return __WASI_ERRNO_BADF;
    return __wasi_vfs_host_seek(fd, offset, whence, newoffset);
}

int32_t __imported_wasi_snapshot_preview1_fd_tell(int32_t fd,
                                                  __wasi_filesize_t *offset)
{
    return __imported_wasi_snapshot_preview1_fd_seek(fd, 0, __WASI_WHENCE_CUR,
                                                     offset);
}

int32_t __imported_wasi_snapshot_preview1_fd_fdstat_get(int32_t fd,
                                                        __wasi_fdstat_t *st)
{
    if (__wasi_vfs_stream)
        return __wasi_vfs_stream->fdstat_get(fd, st);
    if (!__wasi_vfs_std_open(fd))
        return __WASI_ERRNO_BADF;
    return __wasi_vfs_host_fd_fdstat_get(fd, st);
}
