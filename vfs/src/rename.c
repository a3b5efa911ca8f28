/* rename.c - vfs_renameat. */
#include "vfs_impl.h"

/* Whether dir is `anc` or lies below it. */
static int inside(const struct vfs_node *dir, const struct vfs_node *anc)
{
    for (; dir; dir = dir->u.dir.parent) {
        if (dir == anc)
            return 1;
        if (!dir->u.dir.self)   /* the root, or a removed directory */
            return 0;
    }
    return 0;
}

static int renameat_(struct vfs *fs, int olddirfd, const char *oldpath,
                     int newdirfd, const char *newpath)
{
    struct vfs_node *od, *on, *nd, *nn;
    struct vfs__ent *oe, *ne;
    struct vfs__walk w;
    int odot, oslash, oname, isdir, r;

    if ((r = vfs__walk(fs, olddirfd, oldpath, VFS__PARENT, &w)))
        return r;
    oname = vfs__name_check(&w);
    od = w.dir;
    on = w.node;
    oe = w.ent;
    odot = w.dot;
    oslash = w.slash;
    if ((r = vfs__walk(fs, newdirfd, newpath, VFS__PARENT, &w)))
        return r;
    nd = w.dir;
    nn = w.node;
    ne = w.ent;
    if (odot || w.dot)
        return -EBUSY;
    if (oname)
        return oname;
    if (!on)
        return -ENOENT;
    if ((r = vfs__name_check(&w)))
        return r;
    isdir = VFS__ISDIR(on->mode);
    if (!isdir && (oslash || w.slash))
        return -ENOTDIR;
    if (isdir && inside(nd, on))
        return -EINVAL;
    if (nn && VFS__ISDIR(nn->mode) && inside(od, nn))
        return -ENOTEMPTY;
    if (on == nn)
        return 0;
    if ((r = vfs__may(od, 3)))
        return r;
    if (!nn && !nd->nlink)
        return -ENOENT;
    if ((r = vfs__may(nd, 3)))
        return r;
    if (nn && isdir && !VFS__ISDIR(nn->mode))
        return -ENOTDIR;
    if (nn && !isdir && VFS__ISDIR(nn->mode))
        return -EISDIR;
    if (isdir && od != nd && (r = vfs__may(on, 2)))
        return r;
    if (nn && isdir && nn->u.dir.live)
        return -ENOTEMPTY;
    if (isdir && od != nd && !nn && nd->nlink >= VFS__LINK_MAX)
        return -EMLINK;
    if (!nn) {
        /* a new name no longer than the old one goes into the old entry:
         * no allocation */
        int reuse = w.namelen <= oe->namelen;
        r = vfs__dir_reserve(fs, nd, w.name, w.namelen, oe->namelen,
                             reuse ? NULL : &ne);
        if (r)
            return r;
        if (reuse) {
            vfs__dir_unlink(fs, od, oe);
            memcpy(oe->name, w.name, w.namelen);
            oe->namelen = (uint32_t)w.namelen;
            ne = oe;
            oe = NULL;
        }
        vfs__dir_insert(fs, nd, ne, on);
    } else {
        ne->node = on;
    }
    if (oe)
        vfs__dir_remove(fs, od, oe);
    if (isdir) {
        vfs__forget(fs); /* a directory moves, and maybe one goes */
        on->u.dir.parent = nd;
        on->u.dir.self = ne;
        on->u.dir.moved = 1;
        if (od != nd) {
            od->nlink--;
            nd->nlink++;
        }
    }
    vfs__touch_mc(fs, od);
    nd->mtime = nd->ctime = od->ctime;
    on->ctime = nd->ctime;
    if (nn) {
        nn->ctime = nd->ctime;
        if (VFS__ISDIR(nn->mode)) {
            nd->nlink--;
            vfs__dir_unhook(nn);
        } else {
            nn->nlink--;
        }
        vfs__node_put(fs, nn);
    }
    return 0;
}

int vfs_renameat(struct vfs *fs, int olddirfd, const char *oldpath,
                 int newdirfd, const char *newpath)
{
    VFS__GUARD(fs, int,
               renameat_(fs, olddirfd, oldpath, newdirfd, newpath));
}
