/*
 * p2_io.c - the preview1 functions io/ (libwasi-io.a) imports under its
 * own names (io/src/wasm/imports.h: __wasi_io__import_*), defined for
 * wasm32-wasip2-vfs by the same WASI 0.2 bottom the overlay uses, with the
 * same contracts.
 */
#include <stddef.h>
#include "p2.h"

int32_t __wasi_io__import_fd_read(int32_t fd, const __wasi_iovec_t *iovs,
                                  size_t n, __wasi_size_t *nread)
{
    return __wasi_vfs_host_fd_read(fd, iovs, (int32_t)n, nread);
}

int32_t __wasi_io__import_fd_write(int32_t fd, const __wasi_ciovec_t *iovs,
                                   size_t n, __wasi_size_t *nwritten)
{
    return __wasi_vfs_host_fd_write(fd, iovs, (int32_t)n, nwritten);
}

int32_t __wasi_io__import_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
{
    return __wasi_vfs_host_fd_fdstat_get(fd, st);
}

int32_t __wasi_io__import_poll_oneoff(const __wasi_subscription_t *in,
                                      __wasi_event_t *out, size_t n,
                                      __wasi_size_t *nevents)
{
    return __wasi_vfs_host_poll_oneoff(in, out, (int32_t)n, nevents);
}

int32_t __wasi_io__import_args_sizes_get(__wasi_size_t *argc, __wasi_size_t *size)
{
    return __imported_wasi_snapshot_preview1_args_sizes_get(argc, size);
}

int32_t __wasi_io__import_args_get(uint8_t **argv, uint8_t *buf)
{
    return __imported_wasi_snapshot_preview1_args_get(argv, buf);
}
