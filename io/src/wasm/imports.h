/* The WASI preview1 functions io/ calls, imported under io/'s own symbol
 * names: they reach the host even where the C library's imports are
 * served inside the module (wasm32-wasi-vfs). */
#ifndef IO_WASM_IMPORTS_H
#define IO_WASM_IMPORTS_H

#include <wasi/api.h>

#define IO_IMPORT(name)                                                      \
    __attribute__((__import_module__("wasi_snapshot_preview1"),              \
                   __import_name__(#name)))

IO_IMPORT(fd_read)
int32_t __wasi_io__import_fd_read(int32_t fd, const __wasi_iovec_t *iovs,
                           size_t iovs_len, __wasi_size_t *nread);

IO_IMPORT(fd_write)
int32_t __wasi_io__import_fd_write(int32_t fd, const __wasi_ciovec_t *iovs,
                            size_t iovs_len, __wasi_size_t *nwritten);

IO_IMPORT(fd_fdstat_get)
int32_t __wasi_io__import_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *stat);

IO_IMPORT(poll_oneoff)
int32_t __wasi_io__import_poll_oneoff(const __wasi_subscription_t *in,
                               __wasi_event_t *out, size_t nsubscriptions,
                               __wasi_size_t *nevents);

#endif
