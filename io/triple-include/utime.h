/* wasm32-wasi-io: wasi-libc's <utime.h> without utime (see
 * __wasi_io_no_names.h). */
#include_next <utime.h>

#ifndef __WASI_IO_UTIME_H
#define __WASI_IO_UTIME_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int utime(const char *, const struct utimbuf *) __WASI_IO_NAMES;

#ifdef __cplusplus
}
#endif
#endif
