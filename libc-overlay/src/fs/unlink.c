/*
 * unlink.c - unlink, unlinkat, rmdir, remove, and wasi-libc's
 * __wasilibc_unlinkat and __wasilibc_rmdirat. unlinkat's flag is
 * AT_REMOVEDIR or 0, others EINVAL.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <wasi/libc.h>

#include "../internal.h"

int unlinkat(int dirfd, const char *path, int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(
                    vfs_unlinkat(fs, __wasi_vfs_at(dirfd), path,
                                 __wasi_vfs_atflags(flag, AT_REMOVEDIR)))
              : -1;
}

int unlink(const char *path)
{
    return unlinkat(AT_FDCWD, path, 0);
}

int rmdir(const char *path)
{
    return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

/* A directory is removed with rmdir when unlink says it is one. */
int remove(const char *path)
{
    struct vfs *fs = __wasi_vfs_path(path);
    int r;

    if (!fs)
        return -1;
    r = vfs_unlinkat(fs, WASI_VFS_CWD_FD, path, 0);
    if (r == -EISDIR)
        r = vfs_unlinkat(fs, WASI_VFS_CWD_FD, path, VFS_AT_REMOVEDIR);
    return __wasi_vfs_ret(r);
}

int __wasilibc_unlinkat(int dirfd, const char *path)
{
    return unlinkat(dirfd, path, 0);
}

int __wasilibc_rmdirat(int dirfd, const char *path)
{
    return unlinkat(dirfd, path, AT_REMOVEDIR);
}
