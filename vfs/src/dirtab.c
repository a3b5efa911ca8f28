/* dirtab.c - directory tables: entries, their serial-ordered vector, and
 * their hash table (dirhash.c) kept in step. */
#include "vfs_impl.h"

uint32_t vfs__dir_seek(const struct vfs__dir *d, uint64_t cookie)
{
    uint32_t lo = 0, hi = d->len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->vec[mid].serial <= cookie)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int vfs__dir_reserve(struct vfs *fs, struct vfs_node *dir, const char *name,
                     size_t len, uint64_t credit, struct vfs__ent **out)
{
    struct vfs__dir *d = &dir->u.dir;
    struct vfs__ent *e;
    int r;

    if (fs->bytes - credit + len > fs->max_bytes)
        return -ENOSPC;
    if (d->len == d->cap) {
        uint32_t cap = d->cap ? d->cap * 2 : 4;
        struct vfs__dslot *v = vfs__realloc(fs, d->vec, cap * sizeof *v);
        if (!v)
            return -ENOMEM;
        d->vec = v;
        d->cap = cap;
    }
    if ((r = vfs__htab_room(fs, d)))
        return r;
    if (!out)
        return 0;
    e = vfs__realloc(fs, NULL, sizeof *e + len);
    if (!e)
        return -ENOMEM;
    memcpy(e->name, name, len);
    e->namelen = (uint32_t)len;
    *out = e;
    return 0;
}

void vfs__dir_insert(struct vfs *fs, struct vfs_node *dir, struct vfs__ent *e,
                     struct vfs_node *node)
{
    struct vfs__dir *d = &dir->u.dir;

    e->node = node;
    e->slot = d->len;
    vfs__htab_put(d, vfs__hash(e->name, e->namelen), e);
    d->vec[d->len].serial = d->next_serial++;
    d->vec[d->len++].ent = e;
    d->live++;
    fs->bytes += e->namelen;
}

void vfs__dir_remove(struct vfs *fs, struct vfs_node *dir, struct vfs__ent *e)
{
    vfs__dir_unlink(fs, dir, e);
    vfs__free(fs, e);
}

void vfs__dir_unlink(struct vfs *fs, struct vfs_node *dir, struct vfs__ent *e)
{
    struct vfs__dir *d = &dir->u.dir;
    uint32_t i, j;

    d->vec[e->slot].ent = NULL;
    d->live--;
    vfs__htab_take(d, vfs__hash(e->name, e->namelen), e);
    fs->bytes -= e->namelen;
    if (d->len - d->live > d->live) {
        for (i = j = 0; i < d->len; i++)
            if (d->vec[i].ent) {
                d->vec[i].ent->slot = j;
                d->vec[j++] = d->vec[i];
            }
        d->len = j;
    }
}

void vfs__dir_unhook(struct vfs_node *n)
{
    n->nlink = 0;
    n->u.dir.self = NULL;
    n->u.dir.parent->u.dir.pins++;
}

static void dir_free(struct vfs *fs, struct vfs_node *n)
{
    struct vfs__dir *d = &n->u.dir;
    uint32_t i;
    for (i = 0; i < d->len; i++)
        if (d->vec[i].ent) {
            fs->bytes -= d->vec[i].ent->namelen;
            vfs__free(fs, d->vec[i].ent);
        }
    vfs__free(fs, d->vec);
    vfs__free(fs, d->tab);
}

const struct vfs__ops vfs__dir_ops = {NULL, NULL, NULL, NULL, dir_free};
