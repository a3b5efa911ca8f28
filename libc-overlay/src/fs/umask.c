/*
 * umask.c - umask: the vfs core's file-creation mask (only 0777 kept).
 * While the filesystem cannot be made (no memory), the mask is kept for
 * it in __wasi_vfs_umask: umask never fails.
 */
#include <sys/stat.h>

#include "../internal.h"

mode_t umask(mode_t mask)
{
    struct vfs *fs = __wasi_vfs();
    mode_t old = __wasi_vfs_umask;

    if (fs)
        return (mode_t)vfs_umask(fs, mask & 0777);
    __wasi_vfs_umask = mask & 0777;
    return old;
}
