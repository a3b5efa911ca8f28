/* wasm32-wasi-io: wasi-libc's <sys/stat.h> without the calls that take a
 * file name (see __wasi_io_no_names.h). fstat and futimens stay. */
#include_next <sys/stat.h>

#ifndef __WASI_IO_SYS_STAT_H
#define __WASI_IO_SYS_STAT_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int stat(const char *__restrict, struct stat *__restrict) __WASI_IO_NAMES;
int lstat(const char *__restrict, struct stat *__restrict) __WASI_IO_NAMES;
int fstatat(int, const char *__restrict, struct stat *__restrict, int)
    __WASI_IO_NAMES;
int mkdir(const char *, mode_t) __WASI_IO_NAMES;
int mkdirat(int, const char *, mode_t) __WASI_IO_NAMES;
int utimensat(int, const char *, const struct timespec[2], int)
    __WASI_IO_NAMES;
int chmod(const char *, mode_t) __WASI_IO_NAMES_VFS;

#ifdef __cplusplus
}
#endif
#endif
