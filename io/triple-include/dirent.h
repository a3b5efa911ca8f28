/* wasm32-wasi-io: wasi-libc's <dirent.h> without directories (see
 * __wasi_io_no_names.h): nothing can open one, so reading one is
 * unavailable too. alphasort and versionsort stay. */
#include_next <dirent.h>

#ifndef __WASI_IO_DIRENT_H
#define __WASI_IO_DIRENT_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

DIR *opendir(const char *) __WASI_IO_NAMES;
DIR *fdopendir(int) __WASI_IO_NAMES;
int scandir(const char *, struct dirent ***, int (*)(const struct dirent *),
            int (*)(const struct dirent **, const struct dirent **))
    __WASI_IO_NAMES;
struct dirent *readdir(DIR *) __WASI_IO_NAMES;
int closedir(DIR *) __WASI_IO_NAMES;
void rewinddir(DIR *) __WASI_IO_NAMES;
int dirfd(DIR *) __WASI_IO_NAMES;

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
void seekdir(DIR *, long) __WASI_IO_NAMES;
long telldir(DIR *) __WASI_IO_NAMES;
#endif

#ifdef __cplusplus
}
#endif
#endif
