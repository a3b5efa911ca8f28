/*
 * mkdir.c - mkdir and mkdirat with their mode (less the umask).
 */
#include <sys/stat.h>

#include "internal.h"

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    return __wasi_vfs_ret(
        vfs_mkdirat(__wasi_vfs(), __wasi_vfs_at(dirfd), path, mode));
}

int mkdir(const char *path, mode_t mode)
{
    return mkdirat(AT_FDCWD, path, mode);
}
