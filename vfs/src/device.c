/* device.c - character devices: built-in /dev/null and /dev/zero, and
 * embedder devices driven by struct vfs_device_ops. */
#include "vfs_impl.h"

#define RDEV_ZERO 0x105

static ssize_t dev_read(struct vfs *fs, struct vfs_node *n, void *buf,
                        size_t len, int64_t off)
{
    const struct vfs__dev *d = &n->u.dev;
    (void)fs;
    (void)off;
    if (d->ops)
        return d->ops->read ? d->ops->read(d->ctx, buf, len) : 0;
    if (d->rdev != RDEV_ZERO)
        return 0;
    memset(buf, 0, len);
    return (ssize_t)len;
}

static ssize_t dev_write(struct vfs *fs, struct vfs_node *n, const void *buf,
                         size_t len, int64_t off)
{
    const struct vfs__dev *d = &n->u.dev;
    (void)fs;
    (void)off;
    if (d->ops && d->ops->write)
        return d->ops->write(d->ctx, buf, len);
    return (ssize_t)len;
}

static int dev_poll(struct vfs_node *n, int flags, int events)
{
    const struct vfs__dev *d = &n->u.dev;
    (void)flags;
    if (d->ops && d->ops->poll)
        return d->ops->poll(d->ctx, events);
    return events & (VFS_POLLIN | VFS_POLLOUT);
}

const struct vfs__ops vfs__dev_ops = {dev_read, dev_write, dev_poll, NULL,
                                      NULL};

static int mknod_(struct vfs *fs, int dirfd, const char *path, uint32_t perm,
                  const struct vfs_device_ops *ops, void *ctx)
{
    struct vfs__walk w;
    struct vfs_node *n;
    int r = vfs__walk(fs, dirfd, path, VFS__PARENT, &w);
    if (r || (r = vfs__name_check(&w)))
        return r;
    if (w.node)
        return -EEXIST;
    if (w.slash)
        return -ENOENT;
    r = vfs__create(fs, w.dir, w.name, w.namelen,
                    VFS_S_IFCHR | (perm & VFS__PERM & ~fs->umask), 0,
                    &vfs__dev_ops, &n);
    if (!r) {
        n->u.dev.ops = ops;
        n->u.dev.ctx = ctx;
    }
    return r;
}

int vfs_mknod_device(struct vfs *fs, int dirfd, const char *path,
                     uint32_t perm, const struct vfs_device_ops *ops,
                     void *ctx)
{
    VFS__GUARD(fs, int, mknod_(fs, dirfd, path, perm, ops, ctx));
}

int vfs_fd_device(struct vfs *fs, int fd, const struct vfs_device_ops **ops,
                  void **ctx)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f)
        return -EBADF;
    if (!VFS__ISCHR(f->node->mode) || !f->node->u.dev.ops)
        return -ENODEV;
    *ops = f->node->u.dev.ops;
    *ctx = f->node->u.dev.ctx;
    return 0;
}
