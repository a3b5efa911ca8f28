/* fs.c - filesystem creation and teardown, memory and clock helpers. */
#include "vfs_impl.h"
#include "vfs_hooks.h"

#include <stdlib.h>

static void *libc_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (size)
        return VFS_REALLOC(ptr, size);
    free(ptr);
    return NULL;
}

void *vfs__realloc(struct vfs *fs, void *ptr, size_t size)
{
    return (*fs->realloc)(fs->alloc_ctx, ptr, size);
}

void vfs__free(struct vfs *fs, void *ptr)
{
    if (ptr)
        (*fs->realloc)(fs->alloc_ctx, ptr, 0);
}

int vfs__budget(const struct vfs *fs, uint64_t more)
{
    return fs->bytes + more > fs->max_bytes ? -ENOSPC : 0;
}

int64_t vfs__now(struct vfs *fs)
{
    int64_t t = fs->now ? fs->now(fs->now_ctx) : 0;
    unsigned i;

    for (i = 0; i < fs->nmarked; i++) {
        struct vfs_node *n = fs->marked[i];
        if (fs->marks[i] & VFS__MARK_A)
            n->atime = t;
        if (fs->marks[i] & VFS__MARK_MC)
            n->mtime = n->ctime = t;
    }
    fs->nmarked = 0;
    return t;
}

void vfs_sync_times(struct vfs *fs)
{
    if (fs->nmarked)
        (void)vfs__now(fs);
}

/* Frees directory d of a filesystem being made and what it holds (files,
 * and directories that hold only files): vfs_create's undo, small enough
 * that a program need not carry vfs_destroy for it. */
static void unmake(struct vfs *fs, struct vfs_node *d)
{
    uint32_t i;
    for (i = 0; i < d->u.dir.len; i++) {
        struct vfs_node *c = d->u.dir.vec[i].ent->node;
        if (VFS__ISDIR(c->mode))
            unmake(fs, c);
        else
            vfs__node_free(fs, c);
    }
    vfs__node_free(fs, d);
}

/* Makes a built-in node (names of 3 or 4 bytes); limits are not in force
 * yet. */
static struct vfs_node *builtin(struct vfs *fs, struct vfs_node *dir,
                                const char *name, uint32_t mode,
                                const struct vfs__ops *ops)
{
    struct vfs_node *n;
    if (!dir || vfs__create(fs, dir, name, 3 + (name[3] != 0), mode, 0, ops,
                            &n))
        return NULL;
    return n;
}

int vfs_create(const struct vfs_config *cfg, struct vfs **out)
{
    static const struct vfs_config none;
    void *(*ra)(void *, void *, size_t);
    struct vfs_node *dev, *nul, *zero;
    struct vfs *fs;

    if (!cfg)
        cfg = &none;
    ra = cfg->realloc ? cfg->realloc : libc_realloc;
    fs = (*ra)(cfg->alloc_ctx, NULL, sizeof *fs);
    if (!fs)
        return -ENOMEM;
    memset(fs, 0, sizeof *fs);
    fs->realloc = ra;
    fs->alloc_ctx = cfg->alloc_ctx;
    fs->now = cfg->now;
    fs->now_ctx = cfg->now_ctx;
    fs->max_bytes = UINT64_MAX;
    fs->max_inodes = UINT32_MAX;
    fs->next_ino = 1;

    if (vfs__node_new(fs, VFS_S_IFDIR | 0755, 0, &vfs__dir_ops, &fs->root))
        goto fail;
    fs->root->nlink = 2;
    fs->root->u.dir.parent = fs->root;
    fs->root->u.dir.next_serial = 3;
    dev = builtin(fs, fs->root, "dev", VFS_S_IFDIR | 0755, &vfs__dir_ops);
    nul = builtin(fs, dev, "null", VFS_S_IFCHR | 0666, &vfs__dev_ops);
    zero = builtin(fs, dev, "zero", VFS_S_IFCHR | 0666, &vfs__dev_ops);
    if (!nul || !zero ||
        !builtin(fs, fs->root, "tmp", VFS_S_IFDIR | 01777, &vfs__dir_ops))
        goto fail;
    nul->u.dev.rdev = 0x103;  /* major 1, minor 3 */
    zero->u.dev.rdev = 0x105; /* major 1, minor 5 */

    fs->max_bytes = cfg->max_bytes ? cfg->max_bytes : (uint64_t)1 << 30;
    fs->max_inodes = cfg->max_inodes ? cfg->max_inodes : 1048576;
    fs->max_fds = cfg->max_open_files ? cfg->max_open_files : 1024;
    if (fs->max_fds > 0x7fffffff)
        fs->max_fds = 0x7fffffff;
    fs->umask = 022;
    *out = fs;
    return 0;
fail:
    if (fs->root)
        unmake(fs, fs->root);
    vfs__free(fs, fs);
    return -ENOMEM;
}

/* Frees the tree depth-first without recursion, climbing back through the
 * parent links; descriptors are closed first so every node left is named. */
void vfs_destroy(struct vfs *fs)
{
    struct vfs_node *n, *c;
    uint32_t i;

    if (!fs)
        return;
    fs->nmarked = 0; /* nothing will read those times: no clock read */
    for (i = 0; i < fs->nslots; i++)
        if (fs->slots[i].ofd)
            vfs__fd_clear(fs, (int)i);
    vfs__free(fs, fs->slots);
    vfs__free(fs, fs->pc.text);
    vfs__free(fs, fs->spare);
    n = fs->root;
    while (n) {
        struct vfs__dir *d = &n->u.dir;
        struct vfs__ent *e;
        while (d->len && !d->vec[d->len - 1].ent)
            d->len--;
        if (!d->len) {
            c = d->parent;
            vfs__node_free(fs, n);
            n = c == n ? NULL : c;
            continue;
        }
        e = d->vec[--d->len].ent;
        c = e->node;
        vfs__free(fs, e);
        if (VFS__ISDIR(c->mode))
            n = c;
        else if (!--c->nlink)
            vfs__node_free(fs, c);
    }
    vfs__free(fs, fs);
}

int vfs_statvfs(struct vfs *fs, struct vfs_statvfs *st)
{
    st->bsize = VFS__BLOCK;
    st->blocks = fs->max_bytes / VFS__BLOCK;
    st->bfree = fs->bytes < fs->max_bytes
                    ? (fs->max_bytes - fs->bytes) / VFS__BLOCK : 0;
    st->files = fs->max_inodes;
    st->ffree = fs->inodes < fs->max_inodes
                    ? fs->max_inodes - fs->inodes : 0;
    st->namemax = VFS_NAME_MAX;
    return 0;
}
