/*
 * lockf.c - lockf as a write lock from the current offset for len bytes
 * (0: to the end and beyond). No other process can hold a lock, so F_TEST
 * only checks the descriptor and F_LOCK never waits.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../internal.h"

int lockf(int fd, int cmd, off_t len)
{
    struct vfs *fs = __wasi_vfs();
    struct vfs_lock lk = {VFS_LOCK_WR, VFS_SEEK_CUR, 0, len};
    int r;

    if (!fs)
        return __wasi_vfs_ret(-ENOMEM);
    switch (cmd) {
    case F_ULOCK:
        lk.type = VFS_LOCK_UN;
        /* fall through */
    case F_LOCK:
    case F_TLOCK:
        r = vfs_lock_set(fs, fd, &lk);
        break;
    case F_TEST:
        r = vfs_fd_check(fs, fd);
        break;
    default:
        r = -EINVAL;
    }
    return __wasi_vfs_ret(r);
}
