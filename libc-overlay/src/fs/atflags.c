/*
 * atflags.c - the AT_* flags of a libc *at() call as the vfs core's.
 */
#include "../internal.h"

int __wasi_vfs_atflags(int flag, int valid)
{
    int v = 0;
    if (flag & ~valid)
        return -1;
    if (flag & AT_SYMLINK_NOFOLLOW)
        v |= VFS_AT_SYMLINK_NOFOLLOW;
    if (flag & AT_SYMLINK_FOLLOW)
        v |= VFS_AT_SYMLINK_FOLLOW;
    if (flag & AT_REMOVEDIR)
        v |= VFS_AT_REMOVEDIR;
    return v;
}
