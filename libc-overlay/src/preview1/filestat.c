/*
 * filestat.c - a vfs stat as WASI's filetype and filestat, for the
 * preview1 functions wasi-libc itself calls.
 */
#include "../internal.h"

__wasi_filetype_t __wasi_vfs_filetype(uint32_t mode)
{
    switch (mode & VFS_S_IFMT) {
    case VFS_S_IFREG:
        return __WASI_FILETYPE_REGULAR_FILE;
    case VFS_S_IFDIR:
        return __WASI_FILETYPE_DIRECTORY;
    case VFS_S_IFLNK:
        return __WASI_FILETYPE_SYMBOLIC_LINK;
    case VFS_S_IFCHR:
        return __WASI_FILETYPE_CHARACTER_DEVICE;
    case VFS_S_IFIFO:
    case VFS_S_IFSOCK:
        return __WASI_FILETYPE_SOCKET_STREAM;
    }
    return __WASI_FILETYPE_UNKNOWN;
}

static __wasi_timestamp_t ns(const struct timespec *t)
{
    return (__wasi_timestamp_t)t->tv_sec * 1000000000u +
           (__wasi_timestamp_t)t->tv_nsec;
}

void __wasi_vfs_filestat(const struct vfs_stat *v, __wasi_filestat_t *out)
{
    out->dev = v->dev;
    out->ino = v->ino;
    out->filetype = __wasi_vfs_filetype(v->mode);
    out->nlink = v->nlink;
    out->size = (__wasi_filesize_t)v->size;
    out->atim = ns(&v->atime);
    out->mtim = ns(&v->mtime);
    out->ctim = ns(&v->ctime);
}
