/* dirhash.c - a directory's hash table: {hash, entry} pairs by linear
 * probing (see struct vfs__dir). A lookup reads the table's slots from the
 * name's home slot on and reads an entry only when its hash matches; a
 * removal and a resize read the table alone. */
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
    const struct vfs__hslot *tab = d->tab;
    uint32_t i;

    if (!tab)
        return NULL;
    /* ends: the load bound leaves an empty slot */
    for (i = h & d->mask; tab[i].ent; i = (i + 1) & d->mask)
        if (tab[i].hash == h && tab[i].ent->namelen == len &&
            !memcmp(tab[i].ent->name, name, len))
            return tab[i].ent;
    return NULL;
}

void vfs__htab_put(struct vfs__dir *d, uint32_t h, struct vfs__ent *e)
{
    uint32_t i = h & d->mask;
    while (d->tab[i].ent)
        i = (i + 1) & d->mask;
    d->tab[i].hash = h;
    d->tab[i].ent = e;
}

/* Moves d's entries into a new table of size slots (a power of two that
 * holds them under the load bound); -ENOMEM with d unchanged. size *
 * sizeof *tab fits in a size_t: with 64-bit ones, as size <= 2^31; with
 * 32-bit ones, as the table doubles to size only with 3/8 of size live
 * entries, each holding more memory (its entry, at least 13 bytes, and its
 * vector slot, 16) than 8/3 of a slot (8 bytes), so the entries would
 * fill the address space first. */
static int resize(struct vfs *fs, struct vfs__dir *d, uint32_t size)
{
    struct vfs__hslot *old = d->tab, *tab;
    uint32_t i, n = old ? d->mask + 1 : 0;

    if (!(tab = vfs__realloc(fs, NULL, size * sizeof *tab)))
        return -ENOMEM;
    memset(tab, 0, size * sizeof *tab);
    d->tab = tab;
    d->mask = size - 1;
    for (i = 0; i < n; i++)
        if (old[i].ent)
            vfs__htab_put(d, old[i].hash, old[i].ent);
    vfs__free(fs, old);
    return 0;
}

int vfs__htab_room(struct vfs *fs, struct vfs__dir *d)
{
    uint32_t size = d->tab ? d->mask + 1 : 0;

    if (d->live + 1 <= size - size / 4)   /* the load stays <= 3/4 */
        return 0;
    if (size > UINT32_MAX / 2)
        return -ENOMEM;
    return resize(fs, d, size ? size * 2 : VFS__HTAB_MIN);
}

void vfs__htab_take(struct vfs__dir *d, uint32_t h, const struct vfs__ent *e)
{
    struct vfs__hslot *tab = d->tab;
    uint32_t m = d->mask, i = h & m, j;

    while (tab[i].ent != e)
        i = (i + 1) & m;
    /* Close the gap at i: a later entry of the run moves into it when its
     * home is not after i (cyclically, on the way from its home to it),
     * which leaves a gap where it was; the run's end is the last gap. */
    for (j = (i + 1) & m; tab[j].ent; j = (j + 1) & m)
        if (((j - (tab[j].hash & m)) & m) >= ((j - i) & m)) {
            tab[i] = tab[j];
            i = j;
        }
    tab[i].ent = NULL;
}
