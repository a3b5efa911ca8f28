/*
 * mkdir.c - mkdir and mkdirat with their mode (less the umask).
 */
#include <sys/stat.h>

#include "../internal.h"

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(
                    vfs_mkdirat(fs, __wasi_vfs_at(dirfd), path, mode))
              : -1;
}

int mkdir(const char *path, mode_t mode)
{
    return mkdirat(AT_FDCWD, path, mode);
}
