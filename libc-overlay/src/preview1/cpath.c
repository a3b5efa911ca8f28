/*
 * cpath.c - WASI passes paths as (pointer, length); the vfs core takes C
 * strings. Also the common prologue of the preview1 calls on names.
 */
#include <string.h>

#include "../internal.h"

int __wasi_vfs_cpath(const char *path, size_t len, char buf[VFS_PATH_MAX])
{
    /* a path too long is known from its first VFS_PATH_MAX bytes */
    if (__wasi_vfs_fault(path, len < VFS_PATH_MAX ? len : VFS_PATH_MAX))
        return __WASI_ERRNO_FAULT;
    if (len >= VFS_PATH_MAX)
        return __WASI_ERRNO_NAMETOOLONG;
    if (memchr(path, 0, len))
        return __WASI_ERRNO_ILSEQ;
    memcpy(buf, path, len);
    buf[len] = 0;
    return 0;
}

int __wasi_vfs_path_in(struct vfs **fs, const char *path, int32_t len,
                       char buf[VFS_PATH_MAX])
{
    int r;
    *fs = __wasi_vfs();
    r = __wasi_vfs_cpath(path, (size_t)len, buf);
    return r ? r : *fs ? 0 : __WASI_ERRNO_NOMEM;
}

int __wasi_vfs_paths_in(struct vfs **fs, const char *a, int32_t alen,
                        char abuf[VFS_PATH_MAX], const char *b, int32_t blen,
                        char bbuf[VFS_PATH_MAX])
{
    int r;
    *fs = __wasi_vfs();
    r = __wasi_vfs_cpath(a, (size_t)alen, abuf);
    if (!r)
        r = __wasi_vfs_cpath(b, (size_t)blen, bbuf);
    return r ? r : *fs ? 0 : __WASI_ERRNO_NOMEM;
}
