/* dirtab.c - directory tables: hashed lookup, serial-ordered listing. */
#include "vfs_impl.h"

uint32_t vfs__hash(const char *name, size_t len)
{
    uint32_t h = VFS__HASH0;
    while (len--)
        h = VFS__HASH_STEP(h, *name++);
    return h;
}

struct vfs__ent *vfs__dir_find(const struct vfs_node *dir, const char *name,
                               size_t len)
{
    return vfs__dir_find_h(dir, name, len, vfs__hash(name, len));
}

struct vfs__ent *vfs__dir_find_h(const struct vfs_node *dir, const char *name,
                                 size_t len, uint32_t h)
{
    const struct vfs__dir *d = &dir->u.dir;
    struct vfs__ent *e;

    if (!d->nbucket)
        return NULL;
    for (e = d->bucket[h & (d->nbucket - 1)]; e; e = e->chain)
        if (e->hash == h && e->namelen == len && !memcmp(e->name, name, len))
            return e;
    return NULL;
}

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
    uint32_t i;

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
    if (d->live >= d->nbucket) {
        uint32_t nb = d->nbucket ? d->nbucket * 2 : 8;
        struct vfs__ent **b = vfs__realloc(fs, NULL, nb * sizeof *b);
        if (!b)
            return -ENOMEM;
        memset(b, 0, nb * sizeof *b);
        for (i = 0; i < d->len; i++) {
            struct vfs__ent *x = d->vec[i].ent;
            if (x) {
                x->chain = b[x->hash & (nb - 1)];
                b[x->hash & (nb - 1)] = x;
            }
        }
        vfs__free(fs, d->bucket);
        d->bucket = b;
        d->nbucket = nb;
    }
    if (!out)
        return 0;
    e = vfs__realloc(fs, NULL, sizeof *e + len);
    if (!e)
        return -ENOMEM;
    memcpy(e->name, name, len);
    e->namelen = (uint32_t)len;
    e->hash = vfs__hash(name, len);
    *out = e;
    return 0;
}

void vfs__dir_insert(struct vfs *fs, struct vfs_node *dir, struct vfs__ent *e,
                     struct vfs_node *node)
{
    struct vfs__dir *d = &dir->u.dir;
    struct vfs__ent **b = &d->bucket[e->hash & (d->nbucket - 1)];

    e->node = node;
    e->slot = d->len;
    e->chain = *b;
    *b = e;
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
    struct vfs__ent **p = &d->bucket[e->hash & (d->nbucket - 1)];
    uint32_t i, j;

    while (*p != e)
        p = &(*p)->chain;
    *p = e->chain;
    d->vec[e->slot].ent = NULL;
    d->live--;
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
    vfs__free(fs, d->bucket);
}

const struct vfs__ops vfs__dir_ops = {NULL, NULL, NULL, NULL, dir_free};
