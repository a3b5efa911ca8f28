/* lazy.c - directories filled on first use (vfs_lazy_dir), and the
 * entries a fill adds (vfs_fill_add), among them files whose contents are
 * borrowed (filedata.c reads and copies them on write).
 *
 * Invariants: a directory with a pending fill (u.dir.fill non-NULL) has
 * had no name looked up in it since it got the fill; path resolution runs
 * the fill (vfs__ready) before it looks in the directory or hands it to a
 * caller. While a fill runs its directory's fill is NULL, so nothing runs
 * it twice. */
#include "vfs_impl.h"

struct vfs_filler {
    struct vfs *fs;
    struct vfs_node *dir;
};

static int lazy_dir_(struct vfs *fs, int dirfd, const char *path,
                     vfs_fill_fn fill, void *ctx)
{
    struct vfs__walk w;
    int r;

    if (!fill)
        return -EINVAL;
    /* resolving runs a fill already pending: the new one comes after */
    if ((r = vfs__lookup(fs, dirfd, path, VFS__FOLLOW, &w)))
        return r;
    if (!VFS__ISDIR(w.node->mode))
        return -ENOTDIR;
    w.node->u.dir.fill = fill;
    w.node->u.dir.fill_ctx = ctx;
    fs->fill = vfs__fill;
    fs->borrow = vfs__borrowed;
    vfs__forget(fs); /* the walk must run the fill on its way through */
    return 0;
}

int vfs_lazy_dir(struct vfs *fs, int dirfd, const char *path,
                 vfs_fill_fn fill, void *ctx)
{
    VFS__GUARD(fs, int, lazy_dir_(fs, dirfd, path, fill, ctx));
}

/* A name vfs_fill_add accepts: one component, no NUL. */
static int good_name(const char *s, size_t n)
{
    if (!n || n > VFS_NAME_MAX || (n <= 2 && s[0] == '.' &&
                                   (n == 1 || s[1] == '.')))
        return 0;
    return !memchr(s, '/', n) && !memchr(s, 0, n);
}

/* Symlink nodes need no behaviour; vfs__link_ops would pull symlink.c. */
static const struct vfs__ops link_ops;

int vfs_fill_add(struct vfs_filler *fl, const struct vfs_entry *e)
{
    struct vfs *fs = fl->fs;
    struct vfs_node *dir = fl->dir, *n;
    struct vfs__ent *ent;
    uint32_t type = e->mode & VFS_S_IFMT;
    int isdir = type == VFS_S_IFDIR, islnk = type == VFS_S_IFLNK, r;

    if (!good_name(e->name, e->namelen) ||
        (e->mode & ~(uint32_t)(VFS_S_IFMT | VFS__PERM)) ||
        (!isdir && !islnk && type != VFS_S_IFREG) ||
        (islnk && (!e->size || e->size >= VFS_PATH_MAX)))
        return -EINVAL;
    ent = vfs__dir_find(dir, e->name, e->namelen);
    if (ent) {
        n = ent->node;
        if (!isdir || !e->fill || !VFS__ISDIR(n->mode) || n->u.dir.fill)
            return -EEXIST;
        n->u.dir.fill = e->fill; /* two trees meet: fill this one too */
        n->u.dir.fill_ctx = e->fill_ctx;
        vfs__forget(fl->fs);
        return 0;
    }
    if (isdir && dir->nlink >= VFS__LINK_MAX)
        return -EMLINK;
    r = vfs__node_new(fs, e->mode, islnk ? e->size : 0,
                      isdir ? &vfs__dir_ops
                            : islnk ? &link_ops : &vfs__file_ops,
                      &n);
    if (r)
        return r;
    if ((r = vfs__dir_reserve(fs, dir, e->name, e->namelen, 0, &ent))) {
        vfs__node_free(fs, n);
        return r;
    }
    n->atime = n->mtime = n->ctime = e->mtime;
    n->nlink = 1;
    if (islnk) {
        memcpy(n->u.target, e->data, e->size);
    } else if (!isdir) {
        n->u.file.borrowed = e->data;
        n->u.file.nborrowed = n->size = (int64_t)e->size;
    } else {
        n->nlink = 2;
        n->u.dir.parent = dir;
        n->u.dir.self = ent;
        n->u.dir.next_serial = 3;
        n->u.dir.fill = e->fill;
        n->u.dir.fill_ctx = e->fill_ctx;
        dir->nlink++;
    }
    vfs__dir_insert(fs, dir, ent, n);
    return 0;
}

size_t vfs__borrowed(const struct vfs__file *f, int64_t pos,
                     unsigned char *dst, size_t len)
{
    size_t c = (uint64_t)(f->nborrowed - pos) < len
                   ? (size_t)(f->nborrowed - pos) : len;
    memcpy(dst, f->borrowed + pos, c);
    return c;
}

int vfs__fill(struct vfs *fs, struct vfs_node *n)
{
    struct vfs__dir *d = &n->u.dir;
    vfs_fill_fn fill = d->fill;
    uint64_t first = d->next_serial;
    struct vfs_filler fl;
    int r;

    fl.fs = fs;
    fl.dir = n;
    d->fill = NULL;
    r = fill(d->fill_ctx, &fl);
    if (r >= 0)
        return 0;
    /* Undo: the fill's entries are the live ones from serial `first` on,
     * each a new node that nothing else refers to yet. */
    for (;;) {
        uint32_t i = vfs__dir_seek(d, first - 1);
        struct vfs_node *c;
        while (i < d->len && !d->vec[i].ent)
            i++;
        if (i == d->len)
            break;
        c = d->vec[i].ent->node;
        vfs__dir_remove(fs, n, d->vec[i].ent);
        if (VFS__ISDIR(c->mode))
            n->nlink--;
        c->nlink = 0;
        vfs__node_free(fs, c);
    }
    d->fill = fill;
    return r;
}
