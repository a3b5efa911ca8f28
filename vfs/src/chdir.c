/* chdir.c - vfs_chdirat. */
#include "vfs_impl.h"

static int chdirat_(struct vfs *fs, int cwdfd, int dirfd, const char *path)
{
    struct vfs__walk w;
    struct vfs__ofd *f;
    int r;

    if (cwdfd < 0 || (uint32_t)cwdfd >= fs->max_fds)
        return -EBADF;
    /* the table reaches cwdfd before anything can fail */
    if ((uint32_t)cwdfd >= fs->nslots &&
        (r = vfs__fd_reserve(fs, cwdfd)) < 0)
        return r;
    if ((r = vfs__lookup(fs, dirfd, path, VFS__FOLLOW, &w)))
        return r;
    if (!VFS__ISDIR(w.node->mode))
        return -ENOTDIR;
    if ((r = vfs__may(w.node, VFS_X_OK)))
        return r;
    if (!(f = vfs__ofd_alloc(fs)))
        return -ENOMEM;
    /* bound before the old one goes, which may hold the node's last use */
    vfs__ofd_bind(w.node, f, VFS_O_PATH);
    if (fs->slots[cwdfd].ofd)
        vfs__fd_clear(fs, cwdfd);
    vfs__fd_set(fs, cwdfd, f, 0);
    return 0;
}

int vfs_chdirat(struct vfs *fs, int cwdfd, int dirfd, const char *path)
{
    VFS__GUARD(fs, int, chdirat_(fs, cwdfd, dirfd, path));
}
