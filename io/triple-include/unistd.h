/* wasm32-wasi-io: wasi-libc's <unistd.h> without the calls that take a
 * file name or a directory (see __wasi_io_no_names.h). read, write, close
 * and the rest of the descriptor calls stay. */
#include_next <unistd.h>

#ifndef __WASI_IO_UNISTD_H
#define __WASI_IO_UNISTD_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int link(const char *, const char *) __WASI_IO_NAMES;
int linkat(int, const char *, int, const char *, int) __WASI_IO_NAMES;
int symlink(const char *, const char *) __WASI_IO_NAMES;
int symlinkat(const char *, int, const char *) __WASI_IO_NAMES;
ssize_t readlink(const char *__restrict, char *__restrict, size_t)
    __WASI_IO_NAMES;
ssize_t readlinkat(int, const char *__restrict, char *__restrict, size_t)
    __WASI_IO_NAMES;
int unlink(const char *) __WASI_IO_NAMES;
int unlinkat(int, const char *, int) __WASI_IO_NAMES;
int rmdir(const char *) __WASI_IO_NAMES;
int truncate(const char *, off_t) __WASI_IO_NAMES;
int access(const char *, int) __WASI_IO_NAMES;
int faccessat(int, const char *, int, int) __WASI_IO_NAMES;
int chdir(const char *) __WASI_IO_NAMES;
int fchdir(int) __WASI_IO_NAMES_VFS;
char *getcwd(char *, size_t) __WASI_IO_NAMES;
long pathconf(const char *, int) __WASI_IO_NAMES;

#ifdef __cplusplus
}
#endif
#endif
