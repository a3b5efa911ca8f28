/* wasm32-wasi-io: wasi-libc's <fcntl.h> without open, openat and creat
 * (see __wasi_io_no_names.h). fcntl on a descriptor stays. */
#include_next <fcntl.h>

#ifndef __WASI_IO_FCNTL_H
#define __WASI_IO_FCNTL_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int creat(const char *, mode_t) __WASI_IO_NAMES;
int open(const char *, int, ...) __WASI_IO_NAMES;
int openat(int, const char *, int, ...) __WASI_IO_NAMES;

#ifdef __cplusplus
}
#endif
#endif
