/* create.c - making a new named node. */
#include "vfs_impl.h"

int vfs__create(struct vfs *fs, struct vfs_node *dir, const char *name,
                size_t len, uint32_t mode, size_t extra,
                const struct vfs__ops *ops, struct vfs_node **out)
{
    struct vfs_node *n;
    struct vfs__ent *e;
    int r;

    if (!dir->nlink)
        return -ENOENT;
    if ((r = vfs__may(dir, 3)))
        return r;
    if (VFS__ISDIR(mode) && dir->nlink >= VFS__LINK_MAX)
        return -EMLINK;
    if ((r = vfs__node_new(fs, mode, extra, ops, &n)))
        return r;
    if ((r = vfs__dir_reserve(fs, dir, name, len, 0, &e))) {
        vfs__node_free(fs, n);
        return r;
    }
    n->nlink = 1;
    if (VFS__ISDIR(mode)) {
        n->nlink = 2;
        n->u.dir.parent = dir;
        n->u.dir.self = e;
        n->u.dir.next_serial = 3;
        dir->nlink++;
    }
    vfs__dir_insert(fs, dir, e, n);
    dir->mtime = dir->ctime = n->ctime; /* one clock read per call */
    *out = n;
    return 0;
}
