/*
 * symlink.c - symlink, symlinkat, readlink, readlinkat. The target is
 * stored as given and never resolved here.
 */
#include <unistd.h>

#include "../internal.h"

int symlinkat(const char *target, int dirfd, const char *linkpath)
{
    struct vfs *fs = __wasi_vfs_path2(target, linkpath);
    return fs ? __wasi_vfs_ret(
                    vfs_symlinkat(fs, target, __wasi_vfs_at(dirfd), linkpath))
              : -1;
}

int symlink(const char *target, const char *linkpath)
{
    return symlinkat(target, AT_FDCWD, linkpath);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf,
                   size_t size)
{
    struct vfs *fs = __wasi_vfs_path(path);
    if (fs && __wasi_vfs_fault(buf, size)) {
        errno = EFAULT;
        return -1;
    }
    return fs ? __wasi_vfs_ret((int)vfs_readlinkat(fs, __wasi_vfs_at(dirfd),
                                                   path, buf, size))
              : -1;
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
    return readlinkat(AT_FDCWD, path, buf, size);
}
