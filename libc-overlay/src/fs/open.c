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

int openat(int dirfd, const char *path, int oflag, ...)
{
    mode_t mode = 0;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return open_at(dirfd, path, oflag, mode);
}

int open(const char *path, int oflag, ...)
{
    mode_t mode = 0;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return open_at(AT_FDCWD, path, oflag, mode);
}

/* fopen's files are created 0666 less the umask, as POSIX says. */
int __wasilibc_open_nomode(const char *path, int oflag)
{
    return open_at(AT_FDCWD, path, oflag, 0666);
}
