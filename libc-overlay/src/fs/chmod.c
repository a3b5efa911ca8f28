/*
 * chmod.c - chmod, fchmod, fchmodat: permission bits 07777 (set-id and
 * sticky bits included); the file type bits are ignored. fchmod works on
 * any open descriptor, including a read-only one. fchmodat's flag is
 * AT_SYMLINK_NOFOLLOW (EOPNOTSUPP on a symlink, as glibc) or 0, others
 * EINVAL.
 */
#include <sys/stat.h>

#include "../internal.h"

int fchmodat(int dirfd, const char *path, mode_t mode, int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(vfs_fchmodat(
                    fs, __wasi_vfs_at(dirfd), path, mode & 07777,
                    __wasi_vfs_atflags(flag, AT_SYMLINK_NOFOLLOW)))
              : -1;
}

int chmod(const char *path, mode_t mode)
{
    return fchmodat(AT_FDCWD, path, mode, 0);
}

int fchmod(int fd, mode_t mode)
{
    struct vfs *fs = __wasi_vfs();
    return __wasi_vfs_ret(fs ? vfs_fchmod(fs, fd, mode & 07777) : -ENOMEM);
}
