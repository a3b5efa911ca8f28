/* wasm32-wasi-io: wasi-libc's <sys/time.h> without utimes and futimesat
 * (see __wasi_io_no_names.h). */
#include_next <sys/time.h>

#ifndef __WASI_IO_SYS_TIME_H
#define __WASI_IO_SYS_TIME_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int utimes(const char *, const struct timeval[2]) __WASI_IO_NAMES;
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int futimesat(int, const char *, const struct timeval[2]) __WASI_IO_NAMES;
#endif

#ifdef __cplusplus
}
#endif
#endif
