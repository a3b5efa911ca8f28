/*
 * stat.c - stat, lstat, fstatat and wasi-libc's __wasilibc_stat, reporting
 * the vfs core's mode bits, link count, sizes, blocks and nanosecond times
 * (WASI's filestat has no permission bits). fstatat's flag is
 * AT_SYMLINK_NOFOLLOW or 0, others EINVAL.
 */
#include <sys/stat.h>
#include <wasi/libc.h>

#include "../internal.h"

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st,
            int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    struct vfs_stat v;
    return fs ? __wasi_vfs_stat_out(
                    vfs_fstatat(fs, __wasi_vfs_at(dirfd), path, &v,
                                __wasi_vfs_atflags(flag, AT_SYMLINK_NOFOLLOW)),
                    &v, st)
              : -1;
}

int stat(const char *restrict path, struct stat *restrict st)
{
    return fstatat(AT_FDCWD, path, st, 0);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
    return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int __wasilibc_stat(const char *restrict path, struct stat *restrict st,
                    int flag)
{
    return fstatat(AT_FDCWD, path, st, flag);
}
