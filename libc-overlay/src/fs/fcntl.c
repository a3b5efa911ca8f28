/*
 * fcntl.c - fcntl as wasi-libc's own stdio calls it (fdopen, freopen):
 * F_GETFD, F_SETFD, F_GETFL, F_SETFL.
 *
 * Programs reach the full fcntl (fcntl_all.c: also F_DUPFD,
 * F_DUPFD_CLOEXEC and record locks) under the name __wasi_vfs_fcntl,
 * through the declaration in the overlay's <fcntl.h>; linking it also
 * makes __wasi_vfs_fcntl_more below non-null. A program that never calls
 * fcntl itself thus carries neither descriptor duplication nor locking
 * code for stdio's sake. Unknown commands fail with EINVAL (EBADF first
 * for a bad descriptor).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>

#include "fcntl_impl.h"

#pragma weak __wasi_vfs_fcntl_more

int __wasi_vfs_fcntl_arg(int fd, int cmd, long arg)
{
    struct vfs *fs = __wasi_vfs();
    int r;

    if (!fs)
        return __wasi_vfs_ret(-ENOMEM);
    switch (cmd) {
    case F_GETFD:
        r = vfs_fd_get_cloexec(fs, fd);
        r = r > 0 ? FD_CLOEXEC : r;
        break;
    case F_SETFD:
        r = vfs_fd_set_cloexec(fs, fd, (arg & FD_CLOEXEC) != 0);
        break;
    case F_GETFL:
        r = vfs_fd_get_flags(fs, fd);
        r = r < 0 ? r : __wasi_vfs_oflags_out(r);
        break;
    case F_SETFL:
        r = vfs_fd_set_flags(fs, fd, __wasi_vfs_oflags_in((int)arg));
        break;
    default:
        if (__wasi_vfs_fcntl_more)
            return __wasi_vfs_fcntl_more(fs, fd, cmd, arg);
        r = vfs_fd_check(fs, fd);
        r = r < 0 ? r : -EINVAL;
    }
    return __wasi_vfs_ret(r);
}

/* The symbol "fcntl" (the C name fcntl is __wasi_vfs_fcntl here, as in
 * every file that includes <fcntl.h>). */
int __wasi_vfs_fcntl_stdio(int fd, int cmd, ...) __asm__("fcntl");

int __wasi_vfs_fcntl_stdio(int fd, int cmd, ...)
{
    va_list ap;
    long arg = 0;

    va_start(ap, cmd);
    if (cmd != F_GETFD && cmd != F_GETFL)
        arg = va_arg(ap, long); /* an int or a pointer: both 32 bits */
    va_end(ap);
    return __wasi_vfs_fcntl_arg(fd, cmd, arg);
}
