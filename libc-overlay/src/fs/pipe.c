/*
 * pipe.c - pipe and pipe2 within the module: fds[0] reads what fds[1]
 * wrote. One thread fills and drains it: reading an empty pipe whose write
 * end is open fails with EAGAIN instead of waiting for ever; writing to a
 * full one takes what fits, or fails with EAGAIN.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../internal.h"

int pipe2(int fds[2], int flags)
{
    struct vfs *fs;

    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return __wasi_vfs_ret(-EINVAL);
    if (__wasi_vfs_fault(fds, 2 * sizeof *fds))
        return __wasi_vfs_ret(-EFAULT);
    fs = __wasi_vfs();
    return __wasi_vfs_ret(fs ? vfs_pipe(fs, fds,
                                        __wasi_vfs_oflags_in(flags) &
                                            (VFS_O_CLOEXEC | VFS_O_NONBLOCK))
                             : -ENOMEM);
}

int pipe(int fds[2])
{
    return pipe2(fds, 0);
}
