/*
 * symlink.c - symlink, symlinkat, readlink, readlinkat. The target is
 * stored as given and never resolved here.
 */
#include <unistd.h>

#include "internal.h"

int symlinkat(const char *target, int dirfd, const char *linkpath)
{
    return __wasi_vfs_ret(vfs_symlinkat(__wasi_vfs(), target,
                                        __wasi_vfs_at(dirfd), linkpath));
}

int symlink(const char *target, const char *linkpath)
{
    return symlinkat(target, AT_FDCWD, linkpath);
}

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf,
                   size_t size)
{
    return __wasi_vfs_ret((int)vfs_readlinkat(
        __wasi_vfs(), __wasi_vfs_at(dirfd), path, buf, size));
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
    return readlinkat(AT_FDCWD, path, buf, size);
}
