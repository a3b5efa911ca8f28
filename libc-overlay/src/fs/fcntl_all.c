/*
 * fcntl_all.c - fcntl as programs call it (<fcntl.h> declares fcntl with
 * this file's name, __wasi_vfs_fcntl): the commands of fcntl.c plus
 * F_DUPFD, F_DUPFD_CLOEXEC and the POSIX record locks F_GETLK, F_SETLK,
 * F_SETLKW as one process sees them (its own locks never conflict:
 * F_SETLKW never waits, F_GETLK reports F_UNLCK).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>

#include "fcntl_impl.h"

/* F_RDLCK, F_WRLCK, F_UNLCK are 0, 1, 2 and VFS_LOCK_RD, _WR, _UN are 1, 2,
 * 0: one is the other plus one, modulo 3. */
_Static_assert(F_RDLCK == 0 && F_WRLCK == 1 && F_UNLCK == 2 &&
                   VFS_LOCK_RD == 1 && VFS_LOCK_WR == 2 && VFS_LOCK_UN == 0,
               "lock types differ");

static int lock(struct vfs *fs, int fd, int cmd, struct flock *fl)
{
    struct vfs_lock lk;
    int r;

    if (__wasi_vfs_fault(fl, sizeof *fl))
        return -EFAULT;
    lk.type = (unsigned)fl->l_type <= 2 ? (fl->l_type + 1) % 3 : -1;
    lk.whence = fl->l_whence;
    lk.start = fl->l_start;
    lk.len = fl->l_len;
    if (cmd != F_GETLK)
        return vfs_lock_set(fs, fd, &lk);
    r = vfs_lock_get(fs, fd, &lk);
    if (r >= 0) {
        fl->l_type = (short)((lk.type + 2) % 3);
        if (lk.type != VFS_LOCK_UN) {
            fl->l_whence = SEEK_SET;
            fl->l_start = lk.start;
            fl->l_len = lk.len;
        }
    }
    return r;
}

int __wasi_vfs_fcntl_more(struct vfs *fs, int fd, int cmd, long arg)
{
    int r;

    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= WASI_VFS_OPEN_MAX) {
            r = vfs_fd_check(fs, fd);
            r = r < 0 ? r : -EINVAL;
        } else {
            r = vfs_dupfd(fs, fd, (int)arg, cmd == F_DUPFD_CLOEXEC);
        }
        break;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
        r = lock(fs, fd, cmd, (struct flock *)arg);
        break;
    default:
        r = vfs_fd_check(fs, fd);
        r = r < 0 ? r : -EINVAL;
    }
    return __wasi_vfs_ret(r);
}

/* Defined as fcntl, which <fcntl.h> names __wasi_vfs_fcntl. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    long arg = 0;

    va_start(ap, cmd);
    if (cmd != F_GETFD && cmd != F_GETFL)
        arg = va_arg(ap, long);
    va_end(ap);
    return __wasi_vfs_fcntl_arg(fd, cmd, arg);
}
