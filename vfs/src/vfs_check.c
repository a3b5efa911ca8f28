/* vfs_check.c - full consistency check of a filesystem. For tests and
 * VFS_DEBUG builds only; nothing else references it. */
#include "vfs_impl.h"

#include <stdio.h>
#include <stdlib.h>

struct seen {
    const void *key;    /* a node, or a description */
    uint64_t names;     /* node: entries naming it */
    uint64_t subdirs;   /* directory: entries that are directories */
    uint64_t ofds;      /* node: descriptions on it; description: slots */
    uint64_t pins;      /* directory: removed subdirectories pointing here */
    uint64_t ex, sh;    /* node: flock holders */
};

/* A set of records keyed by pointer: v in insertion order, idx an open
 * addressing index into v. */
struct set {
    struct seen *v;
    size_t n, cap;
    size_t *idx;        /* 0 empty, else position + 1 */
    size_t nidx;
};

struct ck {
    const struct vfs *fs;
    struct set nodes, ofds;
    uint64_t bytes;
    char *why;
    size_t whysize;
    int bad;
};

static int fail(struct ck *c, const char *msg, unsigned long long a)
{
    if (!c->bad && c->why && c->whysize)
        snprintf(c->why, c->whysize, "%s (%llu)", msg, a);
    c->bad = 1;
    return -EIO;
}

static size_t slot_of(const struct set *t, const void *key)
{
    size_t h = ((uintptr_t)key >> 4) * 2654435761u;
    size_t i = h & (t->nidx - 1);
    while (t->idx[i] && t->v[t->idx[i] - 1].key != key)
        i = (i + 1) & (t->nidx - 1);
    return i;
}

/* Records key; returns its record, and *fresh whether it is new. */
static struct seen *note(struct set *t, const void *key, int *fresh)
{
    size_t i;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64, k;
        struct seen *v = realloc(t->v, cap * sizeof *v);
        size_t *idx;
        if (!v)
            return NULL;
        t->v = v;
        t->cap = cap;
        idx = calloc(cap * 2, sizeof *idx);
        if (!idx)
            return NULL;
        free(t->idx);
        t->idx = idx;
        t->nidx = cap * 2;
        for (k = 0; k < t->n; k++)
            t->idx[slot_of(t, t->v[k].key)] = k + 1;
    }
    i = slot_of(t, key);
    *fresh = !t->idx[i];
    if (t->idx[i])
        return &t->v[t->idx[i] - 1];
    memset(&t->v[t->n], 0, sizeof *t->v);
    t->v[t->n].key = key;
    t->idx[i] = ++t->n;
    return &t->v[t->n - 1];
}

/* Walks p, a subtree of level l (0: a block) of file n whose first block
 * is base, adding its bytes to *held. */
static int check_tree(struct ck *c, const struct vfs_node *n, const void *p,
                      unsigned l, uint64_t base, int64_t *held)
{
    const struct vfs__file *f = &n->u.file;
    uint64_t span;
    unsigned j, live = 0;

    if (!l) {
        const unsigned char *b = p;
        size_t cap = base ? VFS__BLOCK : f->cap0, from, k;
        int64_t start = (int64_t)base * VFS__BLOCK;
        if (!cap)
            return fail(c, "block 0 held without cap0", n->ino);
        *held += (int64_t)cap;
        if (start >= n->size)
            return fail(c, "block held past the end of file", n->ino);
        from = n->size - start >= (int64_t)cap ? cap
                                               : (size_t)(n->size - start);
        for (k = from; k < cap; k++)
            if (b[k])
                return fail(c, "nonzero byte past end of file", n->ino);
        return 0;
    }
    *held += (int64_t)VFS__NODE;
    span = (uint64_t)1 << (VFS__FAN_BITS * (l - 1));
    for (j = 0; j < VFS__FAN; j++) {
        const void *child = ((const void *const *)p)[j];
        uintptr_t at = (uintptr_t)child & ~VFS__RUN;
        if (!child)
            continue;
        live++;
        if ((uintptr_t)child & VFS__RUN) { /* after its block, in a leaf */
            const void *prev = j ? ((const void *const *)p)[j - 1] : NULL;
            if (l != 1 || !prev || (!base && j == 1) ||
                ((uintptr_t)prev & ~VFS__RUN) + VFS__BLOCK != at)
                return fail(c, "block continues no run", n->ino);
        }
        if (check_tree(c, n, (const void *)at, l - 1, base + j * span, held))
            return -EIO;
    }
    return live ? 0 : fail(c, "empty node in a file tree", n->ino);
}

static int check_file(struct ck *c, const struct vfs_node *n)
{
    const struct vfs__file *f = &n->u.file;
    const void *b0 = f->root;
    int64_t held = 0;
    unsigned l, j;

    if (n->size < 0 || n->size > VFS__FILE_MAX)
        return fail(c, "file size out of range", n->ino);
    if (f->height > VFS__HEIGHT_MAX || (!f->root && f->height))
        return fail(c, "file tree height out of range", n->ino);
    if (f->height) { /* the least height: the root has a later child */
        for (j = 1; j < VFS__FAN && !((void *const *)f->root)[j]; j++)
            ;
        if (j == VFS__FAN)
            return fail(c, "file tree higher than its blocks need", n->ino);
    }
    if ((uintptr_t)f->root & VFS__RUN)
        return fail(c, "file tree root continues a run", n->ino);
    for (l = f->height; l && b0; l--)
        b0 = ((const void *const *)b0)[0];
    if (!f->cap0 != !b0)
        return fail(c, "cap0 without block 0", n->ino);
    if (f->nborrowed < 0 || f->nborrowed > n->size ||
        (f->nborrowed && !f->borrowed))
        return fail(c, "borrowed bytes out of range", n->ino);
    if (b0 && (f->cap0 < 16 || f->cap0 > VFS__BLOCK ||
               (f->cap0 & (f->cap0 - 1))))
        return fail(c, "bad cap0", n->ino);
    if (c->fs->hint.file == f) { /* the leaf over blocks at * FAN on */
        const void *leaf = f->root;
        uint64_t first = c->fs->hint.at << VFS__FAN_BITS;
        if (!f->height || first >> (VFS__FAN_BITS * f->height))
            return fail(c, "file tree hint out of range", n->ino);
        for (l = f->height; l > 1 && leaf; l--)
            leaf = ((const void *const *)leaf)[
                (first >> (VFS__FAN_BITS * (l - 1))) & (VFS__FAN - 1)];
        if (leaf != (const void *)c->fs->hint.leaf)
            return fail(c, "file tree hint is not its leaf", n->ino);
    }
    if (f->root && check_tree(c, n, f->root, f->height, 0, &held))
        return -EIO;
    if (held != f->held)
        return fail(c, "file held bytes wrong", n->ino);
    c->bytes += (uint64_t)held;
    return 0;
}

static int check_dir(struct ck *c, const struct vfs_node *n)
{
    const struct vfs__dir *d = &n->u.dir;
    uint32_t i, live = 0, hashed = 0;
    uint64_t prev = 2;

    if (d->len > d->cap ||
        (d->tab ? d->mask + 1 < VFS__HTAB_MIN || (d->mask & (d->mask + 1)) ||
                      (uint64_t)d->live * 4 > ((uint64_t)d->mask + 1) * 3
                : d->mask || d->live))
        return fail(c, "directory table sizes wrong", n->ino);
    if (d->len && d->len - d->live > d->live + 1)
        return fail(c, "directory vector not compacted", n->ino);
    for (i = 0; i < d->len; i++) {
        const struct vfs__ent *e = d->vec[i].ent;
        if (d->vec[i].serial <= prev || d->vec[i].serial >= d->next_serial)
            return fail(c, "directory serials out of order", n->ino);
        prev = d->vec[i].serial;
        if (!e)
            continue;
        live++;
        if (e->slot != i)
            return fail(c, "entry slot mismatch", n->ino);
        if (!e->namelen || e->namelen > VFS_NAME_MAX ||
            memchr(e->name, '/', e->namelen) ||
            (e->namelen <= 2 && e->name[0] == '.' &&
             (e->namelen == 1 || e->name[1] == '.')))
            return fail(c, "bad entry name", n->ino);
        if (vfs__dir_find(n, e->name, e->namelen) != e)
            return fail(c, "entry not found by hash", n->ino);
        if (!e->node || !e->node->nlink)
            return fail(c, "entry names a dead node", n->ino);
        c->bytes += e->namelen;
    }
    if (live != d->live)
        return fail(c, "directory live count wrong", n->ino);
    for (i = 0; d->tab && i <= d->mask; i++) {
        const struct vfs__hslot *s = &d->tab[i];
        uint32_t k;
        if (!s->ent)
            continue;
        if (++hashed > live || s->ent->slot >= d->len ||
            d->vec[s->ent->slot].ent != s->ent)
            return fail(c, "hash table holds a stranger", n->ino);
        if (s->hash != vfs__hash(s->ent->name, s->ent->namelen))
            return fail(c, "hash table hash wrong", n->ino);
        for (k = s->hash & d->mask; k != i; k = (k + 1) & d->mask)
            if (!d->tab[k].ent)
                return fail(c, "hash table gap before an entry", n->ino);
    }
    if (hashed != live)
        return fail(c, "hash table misses entries", n->ino);
    return 0;
}

static int check_node(struct ck *c, const struct vfs_node *n)
{
    if (!n->ino || n->ino >= c->fs->next_ino)
        return fail(c, "inode number out of range", n->ino);
    switch (n->mode & VFS_S_IFMT) {
    case VFS_S_IFREG:
        return n->ops == &vfs__file_ops ? check_file(c, n)
                                        : fail(c, "file ops", n->ino);
    case VFS_S_IFDIR:
        return n->ops == &vfs__dir_ops ? check_dir(c, n)
                                       : fail(c, "dir ops", n->ino);
    case VFS_S_IFLNK:
        if (n->size <= 0 || n->size >= VFS_PATH_MAX ||
            n->u.target != (const char *)n + vfs__node_size(n->mode))
            return fail(c, "bad symlink", n->ino);
        c->bytes += (uint64_t)n->size;
        return 0;
    case VFS_S_IFCHR:
        return n->ops == &vfs__dev_ops ? 0 : fail(c, "dev ops", n->ino);
    case VFS_S_IFIFO: {
        const struct vfs__pipe *p = &n->u.pipe;
        if (n->nlink || p->start + p->len > p->cap ||
            p->len > VFS_PIPE_CAPACITY || !p->ends || p->ends > 3)
            return fail(c, "bad pipe", n->ino);
        return 0;
    }
    default:
        return fail(c, "bad node type", n->ino);
    }
}

static int by_ino(const void *a, const void *b)
{
    uint64_t x = ((const struct vfs_node *)((const struct seen *)a)->key)->ino;
    uint64_t y = ((const struct vfs_node *)((const struct seen *)b)->key)->ino;
    return x < y ? -1 : x > y;
}

#define NODE(s) ((const struct vfs_node *)(s)->key)

/* The walk cache resolves as a fresh walk would: its text, plain names
 * ending with a slash, leads from base to dir by existing directories. */
static int check_cache(struct ck *c)
{
    const struct vfs__pcache *pc = &c->fs->pc;
    const struct vfs_node *d = pc->base;
    uint32_t i = 0, k;

    if (!pc->dir)
        return 0;
    if (!pc->len || pc->len >= VFS_PATH_MAX || !pc->text ||
        pc->text[pc->len - 1] != '/' ||
        !d || !VFS__ISDIR(d->mode))
        return fail(c, "walk cache malformed", pc->len);
    while (i < pc->len) {
        const struct vfs__ent *e;
        if (pc->text[i] == '/') {
            i++;
            continue;
        }
        for (k = i; pc->text[k] != '/'; k++)
            ;
        if ((k - i <= 2 && pc->text[i] == '.' &&
             (k - i == 1 || pc->text[i + 1] == '.')) ||
            !(e = vfs__dir_find(d, pc->text + i, k - i)) ||
            !VFS__ISDIR(e->node->mode))
            return fail(c, "walk cache text does not resolve", i);
        d = e->node;
        i = k;
    }
    if (d != pc->dir)
        return fail(c, "walk cache leads elsewhere", pc->len);
    return 0;
}

/* The nodes with timestamps marked for update are distinct live nodes,
 * each with marks. (Run before the nodes are sorted.) */
static int check_marks(struct ck *c)
{
    const struct vfs *fs = c->fs;
    unsigned i, j;
    size_t k;

    if (fs->nmarked > VFS__MARKED)
        return fail(c, "too many marked nodes", fs->nmarked);
    for (i = 0; i < fs->nmarked; i++) {
        if (!fs->marks[i] || (fs->marks[i] & ~(VFS__MARK_A | VFS__MARK_MC)))
            return fail(c, "timestamp marks malformed", fs->marks[i]);
        for (j = 0; j < i; j++)
            if (fs->marked[j] == fs->marked[i])
                return fail(c, "node marked twice", fs->marked[i]->ino);
        for (k = 0; k < c->nodes.n; k++)
            if (NODE(&c->nodes.v[k]) == fs->marked[i])
                break;
        if (k == c->nodes.n)
            return fail(c, "marked node is not in the tree", i);
    }
    return 0;
}

static int run(struct ck *c)
{
    const struct vfs *fs = c->fs;
    const struct vfs_node *root = fs->root;
    size_t i, k;
    uint32_t fdi;
    int fresh;

    if (!root || !VFS__ISDIR(root->mode) || root->u.dir.parent != root ||
        root->u.dir.self)
        return fail(c, "bad root", 0);
    if (!note(&c->nodes, root, &fresh))
        return -ENOMEM;
    /* breadth-first over the tree: every entry counted once */
    for (i = 0; i < c->nodes.n; i++) {
        const struct vfs_node *n = NODE(&c->nodes.v[i]);
        const struct vfs__dir *d;
        if (!VFS__ISDIR(n->mode) || !n->nlink)
            continue;
        d = &n->u.dir;
        for (k = 0; k < d->len; k++) {
            const struct vfs__ent *e = d->vec[k].ent;
            struct seen *s;
            if (!e)
                continue;
            if (!(s = note(&c->nodes, e->node, &fresh)))
                return -ENOMEM;
            s->names++;
            if (VFS__ISDIR(e->node->mode)) {
                c->nodes.v[i].subdirs++;
                if (!fresh)
                    return fail(c, "directory linked twice", e->node->ino);
                if (e->node->u.dir.parent != n || e->node->u.dir.self != e)
                    return fail(c, "directory parent link wrong",
                                e->node->ino);
            }
        }
    }
    /* descriptors and descriptions */
    if (fs->nslots > fs->max_fds || (!fs->nslots != !fs->slots))
        return fail(c, "descriptor table size wrong", fs->nslots);
    for (fdi = 0; fdi < fs->nslots; fdi++) {
        const struct vfs__ofd *f = fs->slots[fdi].ofd;
        struct seen *s;
        if (!f)
            continue;
        if (fs->slots[fdi].cloexec > 1)
            return fail(c, "cloexec not 0/1", fdi);
        if (!(s = note(&c->ofds, f, &fresh)))
            return -ENOMEM;
        s->ofds++;
    }
    for (i = 0; i < c->ofds.n; i++) {
        const struct vfs__ofd *f = c->ofds.v[i].key;
        struct seen *s;
        if (c->ofds.v[i].ofds != f->refs)
            return fail(c, "description refcount wrong", i);
        if (f->off < 0)
            return fail(c, "negative offset", i);
        if (f->flock && f->flock != VFS_FLOCK_SH && f->flock != VFS_FLOCK_EX)
            return fail(c, "bad flock state", i);
        if (!(s = note(&c->nodes, f->node, &fresh)))
            return -ENOMEM;
        s->ofds++;
        s->ex += f->flock == VFS_FLOCK_EX;
        s->sh += f->flock == VFS_FLOCK_SH;
        if (VFS__ISFIFO(f->node->mode)) {
            int end = (f->flags & VFS_O_ACCMODE) == VFS_O_WRONLY ? 2 : 1;
            if (!(f->node->u.pipe.ends & end))
                return fail(c, "pipe end closed but open", i);
        }
    }
    /* removed directories that are still alive reach their old parents,
     * which may be reachable no other way */
    for (i = 0; i < c->nodes.n; i++) {
        const struct vfs_node *n = NODE(&c->nodes.v[i]);
        struct seen *s;
        if (!VFS__ISDIR(n->mode) || n->nlink || n == root)
            continue;
        if (!n->u.dir.parent || !VFS__ISDIR(n->u.dir.parent->mode))
            return fail(c, "removed directory without parent", n->ino);
        if (!(s = note(&c->nodes, n->u.dir.parent, &fresh)))
            return -ENOMEM;
        s->pins++;
    }
    /* per node */
    for (i = 0; i < c->nodes.n; i++) {
        const struct seen *s = &c->nodes.v[i];
        const struct vfs_node *n = NODE(s);
        int r;
        if (n->opens != s->ofds)
            return fail(c, "open count wrong", n->ino);
        if (VFS__ISDIR(n->mode)) {
            uint64_t want = n == root || s->names ? 2 + s->subdirs : 0;
            if (n->nlink != want)
                return fail(c, "directory link count wrong", n->ino);
            if (!n->nlink && (n->u.dir.live || n->u.dir.self))
                return fail(c, "removed directory not empty", n->ino);
            if (n->u.dir.pins != s->pins)
                return fail(c, "directory pin count wrong", n->ino);
        } else if (n->nlink != s->names) {
            return fail(c, "link count wrong", n->ino);
        }
        if (!n->nlink && !n->opens && !s->pins)
            return fail(c, "unreferenced node kept", n->ino);
        if (VFS__ISFIFO(n->mode) &&
            (int)s->ofds != !!(n->u.pipe.ends & 1) + !!(n->u.pipe.ends & 2))
            return fail(c, "pipe ends wrong", n->ino);
        if (s->ex > 1 || (s->ex && s->sh))
            return fail(c, "conflicting flocks", n->ino);
        if ((r = check_node(c, n)))
            return r;
    }
    if (c->nodes.n != fs->inodes)
        return fail(c, "inode count wrong", fs->inodes);
    if (c->bytes != fs->bytes)
        return fail(c, "byte accounting wrong", fs->bytes);
    if (fs->umask & ~0777u)
        return fail(c, "bad umask", fs->umask);
    if (check_cache(c))
        return -EIO;
    if (check_marks(c))
        return -EIO;
    qsort(c->nodes.v, c->nodes.n, sizeof *c->nodes.v, by_ino);
    for (i = 1; i < c->nodes.n; i++)
        if (NODE(&c->nodes.v[i])->ino == NODE(&c->nodes.v[i - 1])->ino)
            return fail(c, "duplicate inode number", NODE(&c->nodes.v[i])->ino);
    return 0;
}

int vfs_check(const struct vfs *fs, char *why, size_t whysize)
{
    struct ck c;
    int r;
    memset(&c, 0, sizeof c);
    c.fs = fs;
    c.why = why;
    c.whysize = whysize;
    r = run(&c);
    free(c.nodes.v);
    free(c.nodes.idx);
    free(c.ofds.v);
    free(c.ofds.idx);
    if (r == -ENOMEM && !c.bad)
        return fail(&c, "out of memory while checking", 0);
    return r ? -EIO : 0;
}

#ifdef VFS_DEBUG
void vfs__assert_invariants(const struct vfs *fs, const char *where)
{
    char why[200];
    if (vfs_check(fs, why, sizeof why)) {
        fprintf(stderr, "vfs invariant broken in %s: %s\n", where, why);
        abort();
    }
}
#endif
