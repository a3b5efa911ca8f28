/* symlink.c - vfs_symlinkat and vfs_readlinkat. */
#include "vfs_impl.h"

const struct vfs__ops vfs__link_ops = {NULL, NULL, NULL, NULL, NULL};

static int symlinkat_(struct vfs *fs, const char *target, int dirfd,
                      const char *linkpath)
{
    struct vfs__walk w;
    struct vfs_node *n;
    size_t tl;
    int r;

    for (tl = 0; target[tl]; tl++)
        if (tl + 1 == VFS_PATH_MAX)
            return -ENAMETOOLONG;
    if (!tl)
        return -ENOENT;
    if ((r = vfs__walk(fs, dirfd, linkpath, VFS__PARENT, &w)) ||
        (r = vfs__name_check(&w)))
        return r;
    if (w.node)
        return -EEXIST;
    if (w.slash)
        return -ENOENT;
    r = vfs__create(fs, w.dir, w.name, w.namelen, VFS_S_IFLNK | 0777, tl,
                    &vfs__link_ops, &n);
    if (!r)
        memcpy(n->u.target, target, tl);
    return r;
}

int vfs_symlinkat(struct vfs *fs, const char *target, int dirfd,
                  const char *linkpath)
{
    VFS__GUARD(fs, int, symlinkat_(fs, target, dirfd, linkpath));
}

static ssize_t readlinkat_(struct vfs *fs, int dirfd, const char *path,
                           char *buf, size_t bufsize)
{
    struct vfs__walk w;
    struct vfs_node *n;
    size_t k;
    int r;

    if (!bufsize)
        return -EINVAL;
    if (!*path) {
        /* As Linux: an empty path names the symlink open (O_PATH) on
         * dirfd; anything else there gives -ENOENT. */
        struct vfs__ofd *f = vfs__ofd(fs, dirfd);
        if (!f && dirfd != VFS_AT_ROOT)
            return -EBADF;
        if (!f || !VFS__ISLNK(f->node->mode))
            return -ENOENT;
        n = f->node;
    } else {
        if ((r = vfs__lookup(fs, dirfd, path, 0, &w)))
            return r;
        n = w.node;
        if (!VFS__ISLNK(n->mode))
            return -EINVAL;
    }
    k = (size_t)n->size < bufsize ? (size_t)n->size : bufsize;
    memcpy(buf, n->u.target, k);
    vfs__mark(fs, n, VFS__MARK_A);
    return (ssize_t)k;
}

ssize_t vfs_readlinkat(struct vfs *fs, int dirfd, const char *path, char *buf,
                       size_t bufsize)
{
    VFS__GUARD(fs, ssize_t, readlinkat_(fs, dirfd, path, buf, bufsize));
}
