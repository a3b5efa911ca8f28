/* fdtab.c - the descriptor table and open file descriptions. */
#include "vfs_impl.h"

struct vfs__ofd *vfs__ofd(const struct vfs *fs, int fd)
{
    return fd >= 0 && (uint32_t)fd < fs->nslots ? fs->slots[fd].ofd : NULL;
}

int vfs__fd_reserve(struct vfs *fs, int min)
{
    uint32_t i = (uint32_t)min, cap;
    struct vfs__slot *s;

    for (; i < fs->nslots; i++)
        if (!fs->slots[i].ofd)
            return (int)i;
    if (i >= fs->max_fds)
        return -EMFILE;
    cap = fs->nslots * 2 > i ? fs->nslots * 2 : i + 1;
    if (cap < 8)
        cap = 8;
    if (cap > fs->max_fds)
        cap = fs->max_fds;
    s = vfs__realloc(fs, fs->slots, cap * sizeof *s);
    if (!s)
        return -ENOMEM;
    memset(s + fs->nslots, 0, (cap - fs->nslots) * sizeof *s);
    fs->slots = s;
    fs->nslots = cap;
    return (int)i;
}

void vfs__fd_set(struct vfs *fs, int fd, struct vfs__ofd *f, int cloexec)
{
    fs->slots[fd].ofd = f;
    fs->slots[fd].cloexec = !!cloexec;
    f->refs++;
}

struct vfs__ofd *vfs__ofd_alloc(struct vfs *fs)
{
    struct vfs__ofd *f = fs->spare;
    fs->spare = NULL;
    return f ? f : vfs__realloc(fs, NULL, sizeof *f);
}

void vfs__ofd_bind(struct vfs_node *n, struct vfs__ofd *f, int flags)
{
    memset(f, 0, sizeof *f);
    f->node = n;
    f->flags = flags;
    n->opens++;
}

void vfs__fd_clear(struct vfs *fs, int fd)
{
    struct vfs__ofd *f = fs->slots[fd].ofd;
    struct vfs_node *n = f->node;

    fs->slots[fd].ofd = NULL;
    if (--f->refs)
        return;
    if (n->ops->release)
        n->ops->release(n, f->flags);
    n->opens--;
    vfs__free(fs, fs->spare); /* f becomes the spare */
    fs->spare = f;
    vfs__node_put(fs, n);
}

int vfs__dirfd(const struct vfs *fs, int dirfd, struct vfs_node **out)
{
    struct vfs__ofd *f;
    if (dirfd == VFS_AT_ROOT) {
        *out = fs->root;
        return 0;
    }
    f = vfs__ofd(fs, dirfd);
    if (!f)
        return -EBADF;
    *out = f->node;
    return VFS__ISDIR(f->node->mode) ? 0 : -ENOTDIR;
}
