/*
 * mkdirs.c - the directories above a path, as `mkdir -p` of its parent
 * makes them; for the places the host names (WASI_VFS_IN, WASI_VFS_BIND,
 * WASI_VFS_OUT) and the embedder's files.
 */
#include <string.h>

#include "boot.h"

int __wasi_vfs_mkdirs(struct vfs *fs, const char *path)
{
    char buf[VFS_PATH_MAX];
    size_t i, n = strlen(path);
    int r;

    if (n >= sizeof buf)
        return -ENAMETOOLONG;
    memcpy(buf, path, n + 1);
    for (i = 1; i < n; i++) {
        if (buf[i] != '/')
            continue;
        buf[i] = 0;
        r = vfs_mkdirat(fs, VFS_AT_ROOT, buf, 0755);
        buf[i] = '/';
        if (r == -EEXIST) {
            struct vfs_stat st;
            buf[i] = 0;
            r = vfs_fstatat(fs, VFS_AT_ROOT, buf, &st, 0);
            buf[i] = '/';
            if (!r && (st.mode & VFS_S_IFMT) != VFS_S_IFDIR)
                r = -ENOTDIR;
        }
        if (r)
            return r;
    }
    return 0;
}
