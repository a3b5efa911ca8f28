/*
 * Compiled into wasm32-wasi-io's libc.a. wasi-libc calls each WASI
 * function through an undefined symbol
 * __imported_wasi_snapshot_preview1_<name>; a definition linked into the
 * module answers the call inside it, so the module does not import the
 * function. On wasm32-wasi-io every descriptor is a stream:
 *   - fd_seek / fd_tell (stdio's FILE reaches lseek): ESPIPE, not seekable;
 *   - fd_prestat_get / fd_prestat_dir_name (finding preopened directories):
 *     EBADF, there are none.
 * The signatures are wasi-libc's.
 */
#include <stdint.h>

#define WASI_EBADF 8
#define WASI_ESPIPE 70

#define ANSWER(name) __attribute__((visibility("hidden"))) int32_t        \
    __imported_wasi_snapshot_preview1_##name

ANSWER(fd_seek)(int32_t fd, int64_t offset, int32_t whence, int32_t result)
{
    (void)fd, (void)offset, (void)whence, (void)result;
    return WASI_ESPIPE;
}

ANSWER(fd_tell)(int32_t fd, int32_t result)
{
    (void)fd, (void)result;
    return WASI_ESPIPE;
}

ANSWER(fd_prestat_get)(int32_t fd, int32_t result)
{
    (void)fd, (void)result;
    return WASI_EBADF;
}

ANSWER(fd_prestat_dir_name)(int32_t fd, int32_t path, int32_t len)
{
    (void)fd, (void)path, (void)len;
    return WASI_EBADF;
}
