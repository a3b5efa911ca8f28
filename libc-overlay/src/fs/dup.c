/*
 * dup.c - dup, dup2, dup3. Duplicates share the open file description
 * (offset, status flags, flock lock); the close-on-exec flag is the new
 * descriptor's own (cleared, or set by dup3's O_CLOEXEC). Targets beyond
 * the program's descriptors fail with EBADF, as past RLIMIT_NOFILE.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../internal.h"

int dup(int fd)
{
    struct vfs *fs = __wasi_vfs();
    return __wasi_vfs_ret(fs ? vfs_dup(fs, fd) : -ENOMEM);
}

int dup2(int oldfd, int newfd)
{
    struct vfs *fs = __wasi_vfs();
    int r = -ENOMEM;

    if (fs)
        r = __wasi_vfs_user_fd(newfd) ? vfs_dup2(fs, oldfd, newfd) : -EBADF;
    return __wasi_vfs_ret(r);
}

int dup3(int oldfd, int newfd, int flags)
{
    struct vfs *fs = __wasi_vfs();
    int r;

    if ((flags & ~O_CLOEXEC) || oldfd == newfd)
        r = -EINVAL;
    else if (!__wasi_vfs_user_fd(newfd))
        r = -EBADF;
    else if (!fs)
        r = -ENOMEM;
    else
        r = vfs_dup3(fs, oldfd, newfd, flags ? VFS_O_CLOEXEC : 0);
    return __wasi_vfs_ret(r);
}
