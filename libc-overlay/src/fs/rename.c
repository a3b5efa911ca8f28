/*
 * rename.c - rename, renameat, and wasi-libc's __wasilibc_rename_oldat and
 * __wasilibc_rename_newat.
 */
#include <stdio.h>
#include <wasi/libc.h>

#include "../internal.h"

int renameat(int olddirfd, const char *oldpath, int newdirfd,
             const char *newpath)
{
    struct vfs *fs = __wasi_vfs_path2(oldpath, newpath);
    return fs ? __wasi_vfs_ret(vfs_renameat(fs, __wasi_vfs_at(olddirfd),
                                            oldpath, __wasi_vfs_at(newdirfd),
                                            newpath))
              : -1;
}

int rename(const char *oldpath, const char *newpath)
{
    return renameat(AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

int __wasilibc_rename_oldat(int olddirfd, const char *oldpath,
                            const char *newpath)
{
    return renameat(olddirfd, oldpath, AT_FDCWD, newpath);
}

int __wasilibc_rename_newat(const char *oldpath, int newdirfd,
                            const char *newpath)
{
    return renameat(AT_FDCWD, oldpath, newdirfd, newpath);
}
