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
 * the same feature-test conditions. On wasm32-wasip2-io the message names
 * the component triples. The triple's libc.a lacks them too, so
 * a call that avoids the headers fails at link time.
 */
#ifndef __WASI_IO_NO_NAMES_H
#define __WASI_IO_NO_NAMES_H

/* The triples named: wasm32-wasi-io's, or wasm32-wasip2-io's (its config
 * file defines __wasi_io_component__), where the component triples that
 * have the calls are wasm32-wasip2-vfs and wasm32-wasip2. */
#ifdef __wasi_io_component__
#define __WASI_IO_THIS "wasm32-wasip2-io"
#define __WASI_IO_VFS "wasm32-wasip2-vfs"
#define __WASI_IO_PLAIN "wasm32-wasip2"
#else
#define __WASI_IO_THIS "wasm32-wasi-io"
#define __WASI_IO_VFS "wasm32-wasi-vfs"
#define __WASI_IO_PLAIN "wasm32-wasi"
#endif

/* Calls that plain wasi-libc (wasm32-wasi) and the vfs overlay have. */
#define __WASI_IO_NAMES                                                      \
    __attribute__((__unavailable__(                                          \
        "unavailable on " __WASI_IO_THIS ", which has no file names; "       \
        __WASI_IO_VFS " and " __WASI_IO_PLAIN " have it (or pass streams: "  \
        "<wasi_io.h>)")))

/* Calls only the vfs overlay adds (wasi-libc lacks them). */
#define __WASI_IO_NAMES_VFS                                                  \
    __attribute__((__unavailable__(                                          \
        "unavailable on " __WASI_IO_THIS ", which has no file names; "       \
        __WASI_IO_VFS " has it (or pass streams: <wasi_io.h>)")))

#endif
