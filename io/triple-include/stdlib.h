/* wasm32-wasi-io: wasi-libc's <stdlib.h>; the temporary-file and path
 * calls that only wasm32-wasi-vfs adds are declared unavailable (see
 * __wasi_io_no_names.h), so that a call says where they exist. */
#include_next <stdlib.h>

#ifndef __WASI_IO_STDLIB_H
#define __WASI_IO_STDLIB_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
 || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
int mkstemp(char *) __WASI_IO_NAMES_VFS;
int mkostemp(char *, int) __WASI_IO_NAMES_VFS;
char *mkdtemp(char *) __WASI_IO_NAMES_VFS;
#endif

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
char *realpath(const char *__restrict, char *__restrict) __WASI_IO_NAMES_VFS;
#endif

#ifdef __cplusplus
}
#endif
#endif
