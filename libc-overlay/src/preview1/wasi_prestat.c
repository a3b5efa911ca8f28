/*
 * wasi_prestat.c - fd_prestat_get and fd_prestat_dir_name.
 *
 * wasi-libc finds its root by asking for descriptors 3, 4, ... until
 * EBADF (only when its preopen table is linked, i.e. when a program calls
 * wasi-libc's own path lookup). The answer is one directory, "/", at
 * descriptor 3, opened on the first question if 3 is free then. Programs
 * that never ask keep descriptor 3 free, so their first open returns 3 as
 * on Linux.
 */
#include <string.h>

#include "../internal.h"

#define ROOT_FD 3

static int root_open; /* descriptor 3 was opened on "/" for wasi-libc */

int32_t __imported_wasi_snapshot_preview1_fd_prestat_get(int32_t fd,
                                                         __wasi_prestat_t *out)
{
    struct vfs *fs;
    int r;

    if (fd != ROOT_FD)
        return __WASI_ERRNO_BADF;
    fs = __wasi_vfs();
    if (!fs)
        return __WASI_ERRNO_NOMEM;
    if (!root_open && vfs_fd_check(fs, ROOT_FD) == 0)
        return __WASI_ERRNO_BADF; /* the program's own descriptor */
    if (__wasi_vfs_fault(out, sizeof *out))
        return __WASI_ERRNO_FAULT;
    if (!root_open) {
        r = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_RDONLY | VFS_O_DIRECTORY,
                       0);
        if (r >= 0 && r != ROOT_FD) {
            int moved = vfs_dup2(fs, r, ROOT_FD);
            vfs_close(fs, r);
            r = moved;
        }
        if (r < 0)
            return (int32_t)-r;
        root_open = 1;
    }
    memset(out, 0, sizeof *out);
    out->tag = __WASI_PREOPENTYPE_DIR;
    out->u.dir.pr_name_len = 1;
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_fd_prestat_dir_name(int32_t fd,
                                                              char *path,
                                                              int32_t len)
{
    if (fd != ROOT_FD || !root_open)
        return __WASI_ERRNO_BADF;
    if (len < 1)
        return __WASI_ERRNO_NAMETOOLONG;
    if (__wasi_vfs_fault(path, 1))
        return __WASI_ERRNO_FAULT;
    path[0] = '/';
    return 0;
}
