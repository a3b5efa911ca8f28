/*
 * link.c - link, linkat, and wasi-libc's __wasilibc_link,
 * __wasilibc_link_oldat and __wasilibc_link_newat. As on Linux, link()
 * does not follow a symlink named by oldpath; linkat does with
 * AT_SYMLINK_FOLLOW; other flags are EINVAL.
 */
#include <unistd.h>
#include <wasi/libc.h>

#include "../internal.h"

int linkat(int olddirfd, const char *oldpath, int newdirfd,
           const char *newpath, int flag)
{
    struct vfs *fs = __wasi_vfs_path2(oldpath, newpath);
    return fs ? __wasi_vfs_ret(vfs_linkat(
                    fs, __wasi_vfs_at(olddirfd), oldpath,
                    __wasi_vfs_at(newdirfd), newpath,
                    __wasi_vfs_atflags(flag, AT_SYMLINK_FOLLOW)))
              : -1;
}

int link(const char *oldpath, const char *newpath)
{
    return linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

int __wasilibc_link(const char *oldpath, const char *newpath, int flag)
{
    return linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, flag);
}

int __wasilibc_link_oldat(int olddirfd, const char *oldpath,
                          const char *newpath, int flag)
{
    return linkat(olddirfd, oldpath, AT_FDCWD, newpath, flag);
}

int __wasilibc_link_newat(const char *oldpath, int newdirfd,
                          const char *newpath, int flag)
{
    return linkat(AT_FDCWD, oldpath, newdirfd, newpath, flag);
}
