/* node.c - inode lifetime, timestamps and owner permission bits. */
#include "vfs_impl.h"

size_t vfs__node_size(uint32_t mode)
{
    /* files and symlinks are most nodes; the other kinds take the whole
     * union (a directory's table is its largest member) */
    return offsetof(struct vfs_node, u) +
           (VFS__ISREG(mode)   ? sizeof(struct vfs__file)
            : VFS__ISLNK(mode) ? sizeof(char *)
                               : sizeof(((struct vfs_node *)0)->u));
}

int vfs__node_new(struct vfs *fs, uint32_t mode, size_t extra,
                  const struct vfs__ops *ops, struct vfs_node **out)
{
    struct vfs_node *n;
    size_t head = vfs__node_size(mode);

    if (fs->inodes >= fs->max_inodes || vfs__budget(fs, extra))
        return -ENOSPC;
    n = vfs__realloc(fs, NULL, head + extra);
    if (!n)
        return -ENOMEM;
    memset(n, 0, head);
    n->ops = ops;
    n->ino = fs->next_ino++;
    n->mode = mode;
    n->atime = n->mtime = n->ctime = vfs__now(fs);
    if (extra) {
        n->u.target = (char *)n + head;
        n->size = (int64_t)extra;
        fs->bytes += extra;
    }
    fs->inodes++;
    *out = n;
    return 0;
}

void vfs__node_free(struct vfs *fs, struct vfs_node *n)
{
    vfs__settle(fs, n);
    if (n->ops->free)
        n->ops->free(fs, n);
    if (VFS__ISLNK(n->mode))
        fs->bytes -= (uint64_t)n->size;
    fs->inodes--;
    vfs__free(fs, n);
}

void vfs__node_put(struct vfs *fs, struct vfs_node *n)
{
    while (!n->nlink && !n->opens &&
           !(VFS__ISDIR(n->mode) && n->u.dir.pins)) {
        struct vfs_node *up = VFS__ISDIR(n->mode) ? n->u.dir.parent : NULL;
        vfs__node_free(fs, n);
        if (!up)
            return;
        up->u.dir.pins--;
        n = up;
    }
}

void vfs__touch_mc(struct vfs *fs, struct vfs_node *n)
{
    n->mtime = n->ctime = vfs__now(fs);
}

void vfs__drop_setid(struct vfs_node *n)
{
#ifdef VFS_SUPERUSER
    (void)n; /* root has CAP_FSETID: Linux keeps the bits */
    return;
#endif
    if (n->mode & 04000)
        n->mode &= ~(uint32_t)04000;
    if ((n->mode & 02010) == 02010)
        n->mode &= ~(uint32_t)02000;
}

/* The index of n among the marked nodes, or nmarked. */
static unsigned marked_at(const struct vfs *fs, const struct vfs_node *n)
{
    unsigned i = 0;
    while (i < fs->nmarked && fs->marked[i] != n)
        i++;
    return i;
}

void vfs__settle(struct vfs *fs, const struct vfs_node *n)
{
    if (marked_at(fs, n) < fs->nmarked)
        (void)vfs__now(fs);
}

void vfs__mark(struct vfs *fs, struct vfs_node *n, unsigned m)
{
    unsigned i = marked_at(fs, n);

    if (i == VFS__MARKED) {
        (void)vfs__now(fs);
        i = 0;
    }
    if (i == fs->nmarked) {
        fs->marked[i] = n;
        fs->marks[i] = 0;
        fs->nmarked++;
    }
    fs->marks[i] |= (unsigned char)m;
}

void vfs__touch_data(struct vfs *fs, struct vfs_node *n)
{
    vfs__touch_mc(fs, n);
    vfs__drop_setid(n);
}

int vfs__may(const struct vfs_node *n, int want)
{
#ifdef VFS_SUPERUSER
    /* Root: reading, writing and searching a directory are always
     * allowed; executing a file needs one of its x bits. */
    return !(want & 1) || (n->mode & VFS_S_IFMT) == VFS_S_IFDIR ||
                   (n->mode & 0111)
               ? 0
               : -EACCES;
#else
    return ((n->mode >> 6) & (uint32_t)want) == (uint32_t)want ? 0 : -EACCES;
#endif
}
