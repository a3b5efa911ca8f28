/* unlink.c - vfs_unlinkat (unlink and rmdir). */
#include "vfs_impl.h"

static int unlinkat_(struct vfs *fs, int dirfd, const char *path, int flags)
{
    int rmdir = flags & VFS_AT_REMOVEDIR, r;
    struct vfs__walk w;
    struct vfs_node *n;

    if (flags & ~VFS_AT_REMOVEDIR)
        return -EINVAL;
    if ((r = vfs__walk(fs, dirfd, path, VFS__PARENT, &w)))
        return r;
    n = w.node;
    if (w.dot)
        return !rmdir ? -EISDIR : !w.namelen ? -EBUSY
                                : w.namelen == 1 ? -EINVAL : -ENOTEMPTY;
    if ((r = vfs__name_check(&w)))
        return r;
    if (!n)
        return -ENOENT;
    if (!rmdir && w.slash)
        return VFS__ISDIR(n->mode) ? -EISDIR : -ENOTDIR;
    if ((r = vfs__may(w.dir, 3)))
        return r;
    if (rmdir != 0 && !VFS__ISDIR(n->mode))
        return -ENOTDIR;
    if (!rmdir && VFS__ISDIR(n->mode))
        return -EISDIR;
    if (rmdir && n->u.dir.live)
        return -ENOTEMPTY;
    vfs__dir_remove(fs, w.dir, w.ent);
    vfs__touch_mc(fs, w.dir);
    n->ctime = w.dir->ctime;
    if (rmdir) {
        if (n == fs->pc.dir) /* the only cached directory it can be */
            vfs__forget(fs);
        w.dir->nlink--;
        vfs__dir_unhook(n);
    } else {
        n->nlink--;
    }
    vfs__node_put(fs, n);
    return 0;
}

int vfs_unlinkat(struct vfs *fs, int dirfd, const char *path, int flags)
{
    VFS__GUARD(fs, int, unlinkat_(fs, dirfd, path, flags));
}
