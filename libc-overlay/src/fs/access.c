/*
 * access.c - access, faccessat and wasi-libc's __wasilibc_access, checked
 * against the mode bits (the one user is the owner: owner bits decide).
 * AT_EACCESS is 0 in wasi-libc; real and effective ids are the same.
 * Other flags are EINVAL.
 */
#include <unistd.h>
#include <wasi/libc.h>

#include "../internal.h"

int faccessat(int dirfd, const char *path, int amode, int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(vfs_faccessat(
                    fs, __wasi_vfs_at(dirfd), path, amode,
                    __wasi_vfs_atflags(flag, AT_EACCESS | AT_SYMLINK_NOFOLLOW)))
              : -1;
}

int access(const char *path, int amode)
{
    return faccessat(AT_FDCWD, path, amode, 0);
}

int __wasilibc_access(const char *path, int amode, int flag)
{
    return faccessat(AT_FDCWD, path, amode, flag);
}
