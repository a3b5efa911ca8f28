/*
 * wasi_fd_ctl.c - fd_fdstat_set_flags, fd_fdstat_set_rights and
 * fd_renumber on the module's descriptors.
 */
#include "../internal.h"

/* Only APPEND and NONBLOCK can change (the vfs core ignores the others). */
int32_t __imported_wasi_snapshot_preview1_fd_fdstat_set_flags(int32_t fd,
                                                              int32_t flags)
{
    struct vfs *fs = __wasi_vfs();
    int v = (flags & __WASI_FDFLAGS_APPEND ? VFS_O_APPEND : 0) |
            (flags & __WASI_FDFLAGS_NONBLOCK ? VFS_O_NONBLOCK : 0);
    return fs ? -vfs_fd_set_flags(fs, fd, v) : __WASI_ERRNO_NOMEM;
}

/* Rights are not kept per descriptor (the access mode decides); dropping
 * them is accepted and changes nothing. */
int32_t __imported_wasi_snapshot_preview1_fd_fdstat_set_rights(
    int32_t fd, int64_t base, int64_t inheriting)
{
    struct vfs *fs = __wasi_vfs();
    (void)base;
    (void)inheriting;
    return fs ? -vfs_fd_check(fs, fd) : __WASI_ERRNO_NOMEM;
}

/* Moves from onto to, closing what to had (to need not be open, as with
 * dup2, so freopen works on a closed standard stream). */
int32_t __imported_wasi_snapshot_preview1_fd_renumber(int32_t from,
                                                      int32_t to)
{
    struct vfs *fs = __wasi_vfs();
    int r;
    if (!__wasi_vfs_user_fd(from) || !__wasi_vfs_user_fd(to))
        return __WASI_ERRNO_BADF;
    if (!fs)
        return __WASI_ERRNO_NOMEM;
    r = vfs_dup2(fs, from, to);
    if (r >= 0 && from != to)
        r = vfs_close(fs, from);
    return r < 0 ? -r : 0;
}
