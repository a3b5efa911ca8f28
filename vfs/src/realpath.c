/* realpath.c - canonical absolute paths: vfs_realpath, vfs_fd_path. */
#include "vfs_impl.h"

/* Writes the path of dir, plus "/name" when len > 0, into buf. */
static int build(const struct vfs_node *dir, const char *name, size_t len,
                 char *buf, size_t size)
{
    const struct vfs_node *d;
    size_t total = len ? len + 1 : 0, pos;

    if (!dir->nlink)
        return -ENOENT;
    for (d = dir; d->u.dir.self; d = d->u.dir.parent)
        total += d->u.dir.self->namelen + 1;
    if (!total)
        total = 1;
    if (total >= size)
        return -ERANGE;
    buf[0] = '/';
    buf[total] = 0;
    pos = total;
    if (len) {
        pos -= len;
        memcpy(buf + pos, name, len);
        buf[--pos] = '/';
    }
    for (d = dir; d->u.dir.self; d = d->u.dir.parent) {
        pos -= d->u.dir.self->namelen;
        memcpy(buf + pos, d->u.dir.self->name, d->u.dir.self->namelen);
        buf[--pos] = '/';
    }
    return (int)total;
}

int vfs_realpath(struct vfs *fs, int dirfd, const char *path, char *buf,
                 size_t size)
{
    struct vfs__walk w;
    int r = vfs__lookup(fs, dirfd, path, VFS__FOLLOW, &w);
    if (r)
        return r;
    if (VFS__ISDIR(w.node->mode))
        return build(w.node, NULL, 0, buf, size);
    return build(w.dir, w.name, w.namelen, buf, size);
}

int vfs_fd_path(struct vfs *fs, int fd, char *buf, size_t size)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f)
        return -EBADF;
    if (!VFS__ISDIR(f->node->mode))
        return -ENOTDIR;
    return build(f->node, NULL, 0, buf, size);
}
