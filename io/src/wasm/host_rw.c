/* Host descriptors: fd_read/fd_write through io/'s own imports. Alone in
 * this file, so that a program that reads and writes host descriptors
 * directly (the vfs overlay's host stream devices do) does not link the
 * stream kinds of host_fd.c, whose blocking calls wait in poll_oneoff.
 * Errors are negated WASI errno values, passed on as they come from the
 * host. */
#include "host.h"
#include "imports.h"

ptrdiff_t wasi_io_host_read(int fd, void *buf, size_t len)
{
    __wasi_iovec_t iov = {buf, IO_MIN(len, IO_COUNT_MAX)};
    __wasi_size_t n = 0;
    int32_t e = __wasi_io__import_fd_read(fd, &iov, 1, &n);
    return e != 0 ? -(ptrdiff_t)e : (ptrdiff_t)n;
}

ptrdiff_t wasi_io_host_write(int fd, const void *buf, size_t len)
{
    __wasi_ciovec_t iov = {buf, IO_MIN(len, IO_COUNT_MAX)};
    __wasi_size_t n = 0;
    int32_t e = __wasi_io__import_fd_write(fd, &iov, 1, &n);
    return e != 0 ? -(ptrdiff_t)e : (ptrdiff_t)n;
}
