/* wasm32-wasi-io: wasi-libc's <stdio.h> without the file-name calls
 * (see __wasi_io_no_names.h). stdio on the standard streams, fdopen,
 * fmemopen, open_memstream and fopencookie stay. */
#include_next <stdio.h>

#ifndef __WASI_IO_STDIO_H
#define __WASI_IO_STDIO_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

FILE *fopen(const char *__restrict, const char *__restrict) __WASI_IO_NAMES;
FILE *freopen(const char *__restrict, const char *__restrict,
              FILE *__restrict) __WASI_IO_NAMES;
int remove(const char *) __WASI_IO_NAMES;
int rename(const char *, const char *) __WASI_IO_NAMES;
char *tmpnam(char *) __WASI_IO_NAMES_VFS;
FILE *tmpfile(void) __WASI_IO_NAMES_VFS;

#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
 || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
int renameat(int, const char *, int, const char *) __WASI_IO_NAMES;
#endif

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
char *tempnam(const char *, const char *) __WASI_IO_NAMES_VFS;
#endif

#ifdef __cplusplus
}
#endif
#endif
