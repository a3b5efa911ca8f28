/*
 * stat_out.c - a vfs stat as struct stat. The vfs core's mode bits are the
 * traditional Unix values, which are the overlay's S_IF* and permission
 * macros (see <__mode_t.h>); every file belongs to the one user.
 */
#include <string.h>

#include "../internal.h"

_Static_assert(S_IFMT == VFS_S_IFMT && S_IFIFO == VFS_S_IFIFO &&
                   S_IFCHR == VFS_S_IFCHR && S_IFDIR == VFS_S_IFDIR &&
                   S_IFREG == VFS_S_IFREG && S_IFLNK == VFS_S_IFLNK &&
                   S_IFSOCK == VFS_S_IFSOCK && S_IRWXU == 0700,
               "mode bits differ");

int __wasi_vfs_stat_out(int r, const struct vfs_stat *v, struct stat *st)
{
    if (r >= 0 && __wasi_vfs_fault(st, sizeof *st))
        r = -EFAULT;
    if (r < 0)
        return __wasi_vfs_ret(r);
    memset(st, 0, sizeof *st);
    st->st_dev = v->dev;
    st->st_ino = v->ino;
    st->st_nlink = v->nlink;
    st->st_mode = v->mode;
    st->st_uid = WASI_VFS_UID;
    st->st_gid = WASI_VFS_GID;
    st->st_rdev = v->rdev;
    st->st_size = v->size;
    st->st_blksize = v->blksize;
    st->st_blocks = v->blocks;
    st->st_atim = v->atime;
    st->st_mtim = v->mtime;
    st->st_ctim = v->ctime;
    return 0;
}
