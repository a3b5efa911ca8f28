/*
 * wasm32-wasi-io has no file names: the calls that take one (or a
 * directory) are declared unavailable, so that a call is a compile-time
 * error at the call site:
 *
 *   error: 'fopen' is unavailable: unavailable on wasm32-wasi-io, which
 *   has no file names; wasm32-wasi-vfs and wasm32-wasi have it (or pass
 *   streams: <wasi_io.h>)
 *
 * The wrapper headers next to this one #include_next wasi-libc's header
 * and redeclare its file-name calls with one of these attributes, under
 * the same feature-test conditions. The triple's libc.a lacks them too, so
 * a call that avoids the headers fails at link time.
 */
#ifndef __WASI_IO_NO_NAMES_H
#define __WASI_IO_NO_NAMES_H

/* Calls that plain wasi-libc (wasm32-wasi) and the vfs overlay have. */
#define __WASI_IO_NAMES                                                      \
    __attribute__((__unavailable__(                                          \
        "unavailable on wasm32-wasi-io, which has no file names; "           \
        "wasm32-wasi-vfs and wasm32-wasi have it (or pass streams: "         \
        "<wasi_io.h>)")))

/* Calls only the vfs overlay adds (wasi-libc lacks them). */
#define __WASI_IO_NAMES_VFS                                                  \
    __attribute__((__unavailable__(                                          \
        "unavailable on wasm32-wasi-io, which has no file names; "           \
        "wasm32-wasi-vfs has it (or pass streams: <wasi_io.h>)")))

#endif
