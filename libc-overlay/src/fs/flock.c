/*
 * flock.c - flock: a lock of the open file description, so two separate
 * opens of one file conflict even within the module. A conflict gives
 * EWOULDBLOCK with LOCK_NB and EDEADLK without it (nothing else could ever
 * release the lock while the module waits).
 */
#include <sys/file.h>

#include "../internal.h"

_Static_assert(LOCK_SH == VFS_FLOCK_SH && LOCK_EX == VFS_FLOCK_EX &&
                   LOCK_NB == VFS_FLOCK_NB && LOCK_UN == VFS_FLOCK_UN,
               "flock operations differ");

int flock(int fd, int op)
{
    struct vfs *fs = __wasi_vfs();
    return __wasi_vfs_ret(fs ? vfs_flock(fs, fd, op) : -ENOMEM);
}
