/*
 * statvfs.c - statvfs and fstatvfs: the module's filesystem, whatever file
 * names it (path and descriptor errors first).
 */
#include <string.h>
#include <sys/statvfs.h>

#include "../internal.h"

static int fill(int r, struct vfs *fs, struct statvfs *out)
{
    struct vfs_statvfs v;

    if (r >= 0 && __wasi_vfs_fault(out, sizeof *out))
        r = -EFAULT;
    if (r >= 0)
        r = vfs_statvfs(fs, &v);
    if (r < 0)
        return __wasi_vfs_ret(r);
    memset(out, 0, sizeof *out);
    out->f_bsize = out->f_frsize = (unsigned long)v.bsize;
    out->f_blocks = v.blocks;
    out->f_bfree = out->f_bavail = v.bfree;
    out->f_files = v.files;
    out->f_ffree = out->f_favail = v.ffree;
    out->f_namemax = (unsigned long)v.namemax;
    return 0;
}

int statvfs(const char *restrict path, struct statvfs *restrict out)
{
    struct vfs *fs = __wasi_vfs_path(path);
    struct vfs_stat st;
    return fs ? fill(vfs_fstatat(fs, WASI_VFS_CWD_FD, path, &st, 0), fs, out)
              : -1;
}

int fstatvfs(int fd, struct statvfs *out)
{
    struct vfs *fs = __wasi_vfs();
    return fill(fs ? vfs_fd_check(fs, fd) : -ENOMEM, fs, out);
}
