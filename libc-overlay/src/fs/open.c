/*
 * open.c - open, openat, and wasi-libc's internal __wasilibc_open_nomode
 * (used by fopen and truncate), straight to the vfs core so that the
 * creation mode is kept (WASI's path_open has none).
 */
#include <stdarg.h>
#include <wasi/libc.h>

#include "../internal.h"

/* mode applies only with O_CREAT; the umask is the vfs core's. */
static int open_at(int dirfd, const char *path, int oflag, mode_t mode)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(vfs_openat(fs, __wasi_vfs_at(dirfd), path,
                                          __wasi_vfs_oflags_in(oflag), mode))
              : -1;
}

/* The mode argument, read only when O_CREAT says there is one. */
#define MODE_ARG(oflag, ap) ((oflag) & O_CREAT ? va_arg(ap, mode_t) : 0)

int openat(int dirfd, const char *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    int fd = open_at(dirfd, path, oflag, MODE_ARG(oflag, ap));
    va_end(ap);
    return fd;
}

int open(const char *path, int oflag, ...)
{
    va_list ap;
    va_start(ap, oflag);
    int fd = open_at(AT_FDCWD, path, oflag, MODE_ARG(oflag, ap));
    va_end(ap);
    return fd;
}

/* fopen's files are created 0666 less the umask, as POSIX says. */
int __wasilibc_open_nomode(const char *path, int oflag)
{
    return open_at(AT_FDCWD, path, oflag, 0666);
}
