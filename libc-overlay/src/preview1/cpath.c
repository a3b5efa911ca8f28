/*
 * cpath.c - WASI passes paths as (pointer, length); the vfs core takes C
 * strings.
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
