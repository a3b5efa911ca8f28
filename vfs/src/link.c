/* link.c - vfs_linkat. */
#include "vfs_impl.h"

static int linkat_(struct vfs *fs, int olddirfd, const char *oldpath,
                   int newdirfd, const char *newpath, int flags)
{
    struct vfs__walk w;
    struct vfs_node *n;
    struct vfs__ent *e;
    int r;

    if (flags & ~VFS_AT_SYMLINK_FOLLOW)
        return -EINVAL;
    r = vfs__lookup(fs, olddirfd, oldpath,
                    flags & VFS_AT_SYMLINK_FOLLOW ? VFS__FOLLOW : 0, &w);
    if (r)
        return r;
    n = w.node;
    if ((r = vfs__walk(fs, newdirfd, newpath, VFS__PARENT, &w)) ||
        (r = vfs__name_check(&w)))
        return r;
    if (w.node)
        return -EEXIST;
    if (w.slash || !w.dir->nlink)
        return -ENOENT;
    if ((r = vfs__may(w.dir, 3)))
        return r;
    if (VFS__ISDIR(n->mode))
        return -EPERM;
    if (n->nlink >= VFS__LINK_MAX)
        return -EMLINK;
    if ((r = vfs__dir_reserve(fs, w.dir, w.name, w.namelen, 0, &e)))
        return r;
    vfs__dir_insert(fs, w.dir, e, n);
    n->nlink++;
    vfs__touch_mc(fs, w.dir);
    n->ctime = w.dir->ctime;
    return 0;
}

int vfs_linkat(struct vfs *fs, int olddirfd, const char *oldpath,
               int newdirfd, const char *newpath, int flags)
{
    VFS__GUARD(fs, int,
               linkat_(fs, olddirfd, oldpath, newdirfd, newpath, flags));
}
