/* readdir.c - vfs_readdir: cookie-resumable listing in serial order. */
#include "vfs_impl.h"

static int readdir_(struct vfs *fs, int fd, uint64_t cookie,
                    int (*emit)(void *ctx, const struct vfs_dirent *ent),
                    void *ctx)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    const struct vfs__dir *d;
    struct vfs_dirent de;
    uint32_t i;
    int r = 0;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    if (!VFS__ISDIR(f->node->mode))
        return -ENOTDIR;
    if (!f->node->nlink) /* removed, as Linux */
        return -ENOENT;
    if ((r = vfs__ready(fs, f->node)))
        return r;
    d = &f->node->u.dir;
    vfs__mark(fs, f->node, VFS__MARK_A);
    de.type = VFS_S_IFDIR;
    de.name = "..";
    for (; cookie < 2 && !r; cookie++) {
        de.next = cookie + 1;
        de.ino = cookie && d->parent ? d->parent->ino : f->node->ino;
        de.namelen = cookie ? 2 : 1;
        r = emit(ctx, &de);
    }
    for (i = vfs__dir_seek(d, cookie); i < d->len && !r; i++) {
        const struct vfs__ent *e = d->vec[i].ent;
        if (!e)
            continue;
        de.next = d->vec[i].serial;
        de.ino = e->node->ino;
        de.type = e->node->mode & VFS_S_IFMT;
        de.namelen = e->namelen;
        de.name = e->name;
        r = emit(ctx, &de);
    }
    return r < 0 ? r : 0;
}

int vfs_readdir(struct vfs *fs, int fd, uint64_t cookie,
                int (*emit)(void *ctx, const struct vfs_dirent *ent),
                void *ctx)
{
    VFS__GUARD(fs, int, readdir_(fs, fd, cookie, emit, ctx));
}
