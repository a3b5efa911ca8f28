/*
 * stream.c - the stream calls of wasi_stream.c once the filesystem exists:
 * every descriptor is the vfs core's. Descriptors open on a host stream
 * device (/dev/stdin, /dev/stdout, /dev/stderr, or duplicates of 0, 1, 2)
 * read and write through the device, report the host's fdstat (so isatty
 * answers as the host does) and seek as the host's descriptor does
 * (host_seek.c: a file seeks, a pipe or terminal is ESPIPE).
 */
#include "../internal.h"

/* fd_read and fd_write end here with r, the transfer's result, and e, the
 * error of taking in the iovec array (__wasi_vfs_iovecs): when e is set,
 * nothing was transferred (the transfer was of no iovecs), but a bad
 * descriptor is reported first, as Linux checks it first. */
static int32_t done(ssize_t r, int32_t e, __wasi_size_t *count)
{
    if (r < 0)
        return (int32_t)-r;
    if (!e)
        *count = (__wasi_size_t)r;
    return e;
}

static int32_t s_read(int32_t fd, const __wasi_iovec_t *iovs, int32_t n,
                      __wasi_size_t *nread)
{
    int32_t e = __wasi_vfs_iovecs(iovs, n, nread);
    return done(vfs_readv(__wasi_vfs_fs, fd, __wasi_vfs_iov, e ? 0 : n), e,
                nread);
}

static int32_t s_write(int32_t fd, const __wasi_ciovec_t *iovs, int32_t n,
                       __wasi_size_t *nwritten)
{
    int32_t e = __wasi_vfs_iovecs((const __wasi_iovec_t *)iovs, n, nwritten);
    return done(vfs_writev(__wasi_vfs_fs, fd, __wasi_vfs_iov, e ? 0 : n), e,
                nwritten);
}

static int32_t s_close(int32_t fd)
{
    if (!__wasi_vfs_user_fd(fd))
        return __WASI_ERRNO_BADF;
    return (int32_t)-vfs_close(__wasi_vfs_fs, fd);
}

static int32_t s_seek(int32_t fd, int64_t offset, int32_t whence,
                      __wasi_filesize_t *newoffset)
{
    int64_t r;
    int h;
    if (__wasi_vfs_fault(newoffset, sizeof *newoffset))
        return __WASI_ERRNO_FAULT;
    if ((h = __wasi_vfs_host_fd(__wasi_vfs_fs, fd)) >= 0)
        return __wasi_vfs_host_seek(h, offset, whence, newoffset);
    r = vfs_lseek(__wasi_vfs_fs, fd, offset, whence);
    if (r < 0)
        return (int32_t)-r;
    *newoffset = (__wasi_filesize_t)r;
    return 0;
}

/* Rights are all there (the vfs core checks access modes itself), but for
 * seek and tell on pipes: a pipe, like a host stream, is not seekable,
 * while other devices are (a /dev/null descriptor is no terminal for
 * isatty, which wants a character device without them). */
static int32_t s_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
{
    struct vfs *fs = __wasi_vfs_fs;
    static struct vfs_stat v; /* static: no stack frame; nothing reenters */
    int h = __wasi_vfs_host_fd(fs, fd), fl, r;

    if (__wasi_vfs_fault(st, sizeof *st))
        return __WASI_ERRNO_FAULT;
    if (h >= 0)
        return __wasi_vfs_host_fd_fdstat_get(h, st);
    r = vfs_fstat(fs, fd, &v);
    fl = vfs_fd_get_flags(fs, fd);
    if (r < 0)
        return (int32_t)-r;
    st->fs_filetype = __wasi_vfs_filetype(v.mode);
    st->fs_flags = (fl & VFS_O_APPEND ? __WASI_FDFLAGS_APPEND : 0) |
                   (fl & VFS_O_NONBLOCK ? __WASI_FDFLAGS_NONBLOCK : 0);
    st->fs_rights_base = st->fs_rights_inheriting = ~(__wasi_rights_t)0;
    if ((v.mode & VFS_S_IFMT) == VFS_S_IFIFO)
        st->fs_rights_base &= ~(__wasi_rights_t)(__WASI_RIGHTS_FD_SEEK |
                                                 __WASI_RIGHTS_FD_TELL);
    return 0;
}

const struct __wasi_vfs_stream __wasi_vfs_stream_vfs = {
    s_read, s_write, s_close, s_seek, s_fdstat_get,
};
