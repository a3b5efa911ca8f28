/* wasm32-wasi-io: wasi-libc's <glob.h>; matching file names is
 * unavailable (see __wasi_io_no_names.h). */
#include_next <glob.h>

#ifndef __WASI_IO_GLOB_H
#define __WASI_IO_GLOB_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int glob(const char *__restrict, int, int (*)(const char *, int),
         glob_t *__restrict) __WASI_IO_NAMES;

#ifdef __cplusplus
}
#endif
#endif
