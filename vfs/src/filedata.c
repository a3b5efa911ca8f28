/* filedata.c - regular file contents: a radix tree of blocks with holes,
 * blocks made together laid end to end in runs (struct vfs__file in
 * vfs_impl.h). */
#include "vfs_impl.h"

/* Nodes needed by one block at most: new roots up to the full height,
 * then a path down from the top one. */
#define MAX_NEW (2 * VFS__HEIGHT_MAX - 1)

static void account(struct vfs *fs, struct vfs__file *f, int64_t delta)
{
    f->held += delta;
    fs->bytes += (uint64_t)delta;
}

/* The block a slot holds (NULL: a hole), without VFS__RUN. */
static unsigned char *addr(const void *slot)
{
    return (unsigned char *)((uintptr_t)slot & ~VFS__RUN);
}

/* The slot of block b that continues a run. */
static void *continuing(unsigned char *b)
{
    return (void *)((uintptr_t)b | VFS__RUN);
}

/* Blocks that bytes [o, o + n) from the start of a block reach into
 * (o < VFS__BLOCK), without overflow. */
static size_t blocks_over(size_t o, size_t n)
{
    return n / VFS__BLOCK +
           (o + n % VFS__BLOCK + VFS__BLOCK - 1) / VFS__BLOCK;
}

/* The child index that block i takes in a node of level l >= 1. */
static unsigned digit(uint64_t i, unsigned l)
{
    return (unsigned)(i >> (VFS__FAN_BITS * (l - 1))) & (VFS__FAN - 1);
}

/* Blocks under one child of a node of level l >= 1. */
static uint64_t span(unsigned l)
{
    return (uint64_t)1 << (VFS__FAN_BITS * (l - 1));
}

/* The least height of a tree that holds block i (i < 2^32). */
static unsigned height_for(uint64_t i)
{
    unsigned h = 0;
    while (i >> (VFS__FAN_BITS * h))
        h++;
    return h;
}

/* Walks from *s, a subtree of level *l holding block i, towards block i:
 * returns the slot where the walk stops, at level 0 (the slot of block
 * i) or at the first NULL on the way (*l is the level it stops at). */
static void **walk(void **s, unsigned *l, uint64_t i)
{
    unsigned h = *l;

    for (; h && *s; h--)
        s = &((void **)*s)[digit(i, h)];
    *l = h;
    return s;
}

/* The slot of block i in f (i under the root), through the hint when it
 * is over i; else a walk as walk()'s, which makes the hint the leaf it
 * reaches. */
static inline void **find(struct vfs *fs, struct vfs__file *f, unsigned *l,
                          uint64_t i)
{
    struct vfs__hint *h = &fs->hint;
    void **s;

    if (h->file == f && (i >> VFS__FAN_BITS) == h->at) {
        *l = 0;
        return &h->leaf[i & (VFS__FAN - 1)];
    }
    *l = f->height;
    s = walk(&f->root, l, i);
    if (!*l && f->height) {
        h->file = f;
        h->leaf = s - (i & (VFS__FAN - 1));
        h->at = i >> VFS__FAN_BITS;
    }
    return s;
}

/* Forgets the hint if it is into f (whose nodes are going). */
static void drop_hint(struct vfs *fs, const struct vfs__file *f)
{
    if (fs->hint.file == f)
        fs->hint.file = NULL;
}

/* Held block i of f, or NULL for a hole. */
static unsigned char *block_at(struct vfs *fs, struct vfs__file *f,
                               uint64_t i)
{
    unsigned l;

    if (i >> (VFS__FAN_BITS * f->height))
        return NULL;
    return addr(*find(fs, f, &l, i));
}

/* Block i of f through *b (NULL: a hole), and how many blocks from it,
 * up to max (>= 1) and within its leaf, are alike: the blocks that
 * continue its run after a held block, the holes after a hole. */
static size_t run_at(struct vfs *fs, struct vfs__file *f, uint64_t i,
                     size_t max, unsigned char **b)
{
    size_t n = 1, room = VFS__FAN - (size_t)(i & (VFS__FAN - 1));
    unsigned l;
    void **s;

    if (max > room)
        max = room;
    *b = NULL;
    if (i >> (VFS__FAN_BITS * f->height))
        return max; /* past the tree: holes */
    s = find(fs, f, &l, i);
    *b = addr(*s);
    if (l)
        return max; /* the walk met NULL above the leaf: it has none */
    if (!f->height) /* s is the root, block 0: no leaf */
        return 1;
    if (*b)
        while (n < max && ((uintptr_t)s[n] & VFS__RUN))
            n++;
    else
        while (n < max && !s[n])
            n++;
    return n;
}

/* Capacity of held block i. */
static size_t cap_of(const struct vfs__file *f, uint64_t i)
{
    return i ? VFS__BLOCK : f->cap0;
}

/* Copies the borrowed bytes among file positions [pos, pos+len) to dst:
 * they are a prefix of the range, whose length is returned. Only lazy.c
 * makes files with borrowed bytes; its copy is reached through fs->borrow
 * so that other programs do not carry it. */
static size_t borrowed_at(const struct vfs *fs, const struct vfs__file *f,
                          int64_t pos, unsigned char *dst, size_t len)
{
    return pos < f->nborrowed ? fs->borrow(f, pos, dst, len) : 0;
}

/* Makes block i hold at least bytes [0, o+k), its new bytes borrowed ones
 * (copy on write) or zero, except [o, o+k) which the caller fills; *out
 * is the block. o + k > VFS__BLOCK makes a run instead: o is 0, i >= 1,
 * k a multiple of VFS__BLOCK, and the k / VFS__BLOCK blocks from i are
 * holes of one leaf, made in one allocation (*out the first) that the
 * caller fills whole. What it needs (new blocks, or block 0 grown, and
 * the nodes leading to them) is counted and allocated before anything
 * is linked: -ENOSPC/-ENOMEM leave f as it was. */
static int hold(struct vfs *fs, struct vfs__file *f, uint64_t i, size_t o,
                size_t k, unsigned char **out)
{
    void *fresh[MAX_NEW];
    void **s = &f->root;
    unsigned need, nodes, made, l = f->height;
    size_t cap = 0, want, end, t;
    int64_t base = (int64_t)i * VFS__BLOCK;
    unsigned char *b;

    if (!(i >> (VFS__FAN_BITS * l))) { /* under the root */
        s = find(fs, f, &l, i);
        if (*s) {
            cap = cap_of(f, i);
            if (cap >= o + k) {
                *out = addr(*s);
                return 0;
            }
        }
    }
    need = height_for(i);
    if (!f->root)
        nodes = need; /* an empty tree takes any height */
    else if (need > f->height)
        /* new roots up to need, each over the last; block i is not under
         * the first child of the top one, so a path of need - 1 more */
        nodes = 2 * need - f->height - 1;
    else
        nodes = l; /* levels l .. 1 are missing (0: a hole or block 0) */
    want = o + k > VFS__BLOCK ? o + k : VFS__BLOCK; /* a run, or a block */
    if (!i) /* block 0 grows by powers of two from 16 bytes */
        for (want = 16; want < o + k; want *= 2)
            ;
    if (vfs__budget(fs, (uint64_t)nodes * VFS__NODE + (want - cap)))
        return -ENOSPC;
    for (made = 0; made < nodes; made++) {
        if (!(fresh[made] = vfs__realloc(fs, NULL, VFS__NODE)))
            break;
        memset(fresh[made], 0, VFS__NODE);
    }
    /* cap != 0: s is block 0's slot, and no node is needed */
    b = made < nodes ? NULL : vfs__realloc(fs, cap ? *s : NULL, want);
    if (!b) {
        while (made)
            vfs__free(fs, fresh[--made]);
        return -ENOMEM;
    }
    end = o + k > cap ? o + k : cap;
    if (o > cap) {
        memset(b + cap, 0, o - cap);
        borrowed_at(fs, f, base + (int64_t)cap, b + cap, o - cap);
    }
    if (end < want) {
        memset(b + end, 0, want - end);
        borrowed_at(fs, f, base + (int64_t)end, b + end, want - end);
    }
    account(fs, f, (int64_t)(nodes * VFS__NODE + (want - cap)));
    /* link: nothing below can fail */
    if (!f->root)
        f->height = need;
    for (; f->height < need; f->height++) {
        ((void **)fresh[--made])[0] = f->root;
        f->root = fresh[made];
    }
    s = &f->root;
    for (l = f->height; l; l--) {
        if (!*s)
            *s = fresh[--made];
        s = &((void **)*s)[digit(i, l)];
    }
    *s = b;
    for (t = 1; t < want / VFS__BLOCK; t++) /* a run's later blocks */
        s[t] = continuing(b + t * VFS__BLOCK);
    if (!i)
        f->cap0 = (uint32_t)want;
    *out = b;
    return 0;
}

/* Copies n bytes, a multiple of VFS__BLOCK, into a new run at dst, 64 KiB
 * at a time, after a store of one byte into each 4 KiB of the piece. When
 * the run's memory was never touched, its page faults are taken by those
 * stores rather than inside the copy: where the host's memory.copy is a
 * string instruction (V8 on x86-64 glibc), a fault inside it costs more,
 * and a new file written 64 KiB at a time goes a fifth slower. */
#define FILL_PIECE (16 * VFS__BLOCK)
static void fill_run(unsigned char *dst, const unsigned char *src, size_t n)
{
    volatile unsigned char *touch = dst;
    size_t at, t, k;

    for (at = 0; at < n; at += k) {
        k = n - at < FILL_PIECE ? n - at : FILL_PIECE;
        for (t = 0; t < k; t += VFS__BLOCK)
            touch[at + t] = 0;
        touch[at + k - 1] = 0;
        memcpy(dst + at, src + at, k);
    }
}

static ssize_t file_write(struct vfs *fs, struct vfs_node *n, const void *buf,
                          size_t len, int64_t off)
{
    struct vfs__file *f = &n->u.file;
    const unsigned char *src = buf;
    size_t done = 0;

    if (off >= VFS__FILE_MAX)
        return -EFBIG;
    if (len > (uint64_t)(VFS__FILE_MAX - off))
        len = (size_t)(VFS__FILE_MAX - off);
    while (done < len) {
        int64_t pos = off + (int64_t)done;
        uint64_t i = (uint64_t)pos / VFS__BLOCK;
        size_t o = (size_t)(pos % VFS__BLOCK), rest = len - done, k, m;
        unsigned char *b;
        size_t run = run_at(fs, f, i, blocks_over(o, rest), &b);
        int r = 0, fresh = 0;
        k = run * VFS__BLOCK - o; /* held blocks end to end: one copy */
        if (k > rest)
            k = rest;
        if (!b) { /* a run of the holes the write fills whole, or a block */
            m = i && !o ? (run < rest / VFS__BLOCK ? run : rest / VFS__BLOCK)
                        : 0;
            fresh = m > 1;
            k = fresh ? m * VFS__BLOCK : VFS__BLOCK - o < rest ? VFS__BLOCK - o
                                                               : rest;
        }
        /* held: only block 0 (run 1) may be short of o + k */
        if (!b || (!i && f->cap0 < o + k)) /* the common case skips hold */
            while ((r = hold(fs, f, i, o, k, &b)) && fresh)
                fresh = 0, k = VFS__BLOCK; /* no room for the run: a block */
        if (r) {
            if (!done)
                return r;
            break;
        }
        if (fresh)
            fill_run(b, src + done, k);
        else
            memcpy(b + o, src + done, k);
        done += k;
    }
    if (off + (int64_t)done > n->size)
        n->size = off + (int64_t)done;
    return (ssize_t)done;
}

static ssize_t file_read(struct vfs *fs, struct vfs_node *n, void *buf,
                         size_t len, int64_t off)
{
    struct vfs__file *f = &n->u.file;
    unsigned char *dst = buf;
    size_t done = 0;

    if (off >= n->size)
        return 0;
    if (len > (uint64_t)(n->size - off))
        len = (size_t)(n->size - off);
    while (done < len) {
        int64_t pos = off + (int64_t)done;
        uint64_t i = (uint64_t)pos / VFS__BLOCK;
        size_t o = (size_t)(pos % VFS__BLOCK), rest = len - done, c = 0;
        unsigned char *b;
        size_t run = run_at(fs, f, i, blocks_over(o, rest), &b);
        size_t k = run * VFS__BLOCK - o;
        size_t cap = cap_of(f, i) + (run - 1) * VFS__BLOCK; /* of the run */
        if (k > rest)
            k = rest;
        if (b && cap > o) {
            c = cap - o;
            if (c > k)
                c = k;
            memcpy(dst + done, b + o, c);
        }
        if (c < k) {
            c += borrowed_at(fs, f, pos + (int64_t)c, dst + done + c, k - c);
            memset(dst + done + c, 0, k - c);
        }
        done += k;
    }
    return (ssize_t)done;
}

/* Frees p, a subtree of level l (0: a block's slot) whose first block is
 * base. A block that continues a run is only counted off: its run goes
 * with the head, which comes first. */
static void free_tree(struct vfs *fs, struct vfs__file *f, void *p,
                      unsigned l, uint64_t base)
{
    unsigned j;

    if (!l) {
        account(fs, f, -(int64_t)cap_of(f, base));
        if (!base)
            f->cap0 = 0;
        if ((uintptr_t)p & VFS__RUN)
            return;
    } else {
        for (j = 0; j < VFS__FAN; j++)
            if (((void **)p)[j])
                free_tree(fs, f, ((void **)p)[j], l - 1,
                          base + j * span(l));
        account(fs, f, -(int64_t)VFS__NODE);
    }
    vfs__free(fs, p);
}

/* Shrinks the run that leaf slot j (>= 1) continues, if it does, to its
 * blocks before j, which stay; the caller drops slots j on. A run the
 * allocator cannot shrink keeps its memory until its head is freed. */
static void cut_run(struct vfs *fs, void **leaf, unsigned j)
{
    unsigned h = j, t;
    unsigned char *b;

    if (!((uintptr_t)leaf[j] & VFS__RUN))
        return;
    while ((uintptr_t)leaf[--h] & VFS__RUN)
        ;
    b = vfs__realloc(fs, leaf[h], (size_t)(j - h) * VFS__BLOCK);
    if (!b || b == leaf[h])
        return;
    leaf[h] = b;
    for (t = 1; t < j - h; t++)
        leaf[h + t] = continuing(b + t * VFS__BLOCK);
}

/* Frees the blocks from block keep on in *s, a subtree of level l >= 1
 * whose first block is base < keep, and the nodes that leaves empty (*s
 * becomes NULL if it is). */
static void prune(struct vfs *fs, struct vfs__file *f, void **s, unsigned l,
                  uint64_t base, uint64_t keep)
{
    void **node = *s;
    uint64_t j = (keep - base) / span(l); /* first child not wholly kept */

    if (l == 1) /* keep - base is in 1 .. VFS__FAN - 1 */
        cut_run(fs, node, (unsigned)j);
    for (; j < VFS__FAN; j++) {
        uint64_t at = base + j * span(l);
        if (!node[j])
            continue;
        if (at >= keep) {
            free_tree(fs, f, node[j], l - 1, at);
            node[j] = NULL;
        } else { /* keep is inside it, so it is a node */
            prune(fs, f, &node[j], l - 1, at, keep);
        }
    }
    for (j = 0; j < VFS__FAN && !node[j]; j++)
        ;
    if (j == VFS__FAN) {
        vfs__free(fs, node);
        account(fs, f, -(int64_t)VFS__NODE);
        *s = NULL;
    }
}

/* Lowers the tree to the least height that holds its blocks. */
static void lower(struct vfs *fs, struct vfs__file *f)
{
    while (f->height) {
        void **r = f->root;
        unsigned j = 1;
        if (!r) {
            f->height = 0;
            return;
        }
        while (j < VFS__FAN && !r[j])
            j++;
        if (j < VFS__FAN)
            return;
        f->root = r[0];
        vfs__free(fs, r);
        account(fs, f, -(int64_t)VFS__NODE);
        f->height--;
    }
}

int64_t vfs__file_seek(struct vfs_node *n, int64_t off, int hole)
{
    struct vfs__file *f = &n->u.file;
    uint64_t i = (uint64_t)off / VFS__BLOCK;
    uint64_t last = (uint64_t)(n->size - 1) / VFS__BLOCK;
    uint64_t top = (uint64_t)1 << (VFS__FAN_BITS * f->height); /* blocks */
    int64_t pos;

    while (i <= last) {
        uint64_t run = 1; /* blocks from i that are alike */
        int data;
        if (i >= top) {
            run = last - i + 1;
            data = 0;
        } else {
            unsigned l = f->height;
            void **s = walk(&f->root, &l, i);
            data = *s != NULL;
            if (!data) /* a NULL subtree of level l: 2^(bits*l) blocks */
                run = ((uint64_t)1 << (VFS__FAN_BITS * l)) -
                      (i & (((uint64_t)1 << (VFS__FAN_BITS * l)) - 1));
        }
        if (!data && (int64_t)(i * VFS__BLOCK) < f->nborrowed)
            data = 1, run = 1;
        if (data != hole)
            break;
        i += run;
    }
    if (i > last)
        return hole ? n->size : -ENXIO;
    pos = (int64_t)(i * VFS__BLOCK);
    return pos < off ? off : pos;
}

int vfs__file_truncate(struct vfs *fs, struct vfs_node *n, int64_t size)
{
    struct vfs__file *f = &n->u.file;

    if (size > VFS__FILE_MAX)
        return -EFBIG;
    if (!size) {
        vfs__file_empty(fs, n);
        return 0;
    }
    if (size < f->nborrowed)
        f->nborrowed = size;
    if (size < n->size && f->root) {
        /* blocks wholly at or past the new end go (keep >= 1); the tail
         * is zeroed */
        uint64_t keep = ((uint64_t)size + VFS__BLOCK - 1) / VFS__BLOCK;
        size_t o = (size_t)(size % VFS__BLOCK);
        unsigned char *last;
        drop_hint(fs, f);
        if (f->height && !(keep >> (VFS__FAN_BITS * f->height)))
            prune(fs, f, &f->root, f->height, 0, keep);
        lower(fs, f);
        last = block_at(fs, f, keep - 1);
        if (last && o && o < cap_of(f, keep - 1))
            memset(last + o, 0, cap_of(f, keep - 1) - o);
    }
    n->size = size;
    return 0;
}

/* Adds to *blocks and *nodes those of p, a subtree of level l (0: a
 * block) whose first block is base, that are over blocks first .. last;
 * p is over some of them. */
static void count(const void *p, unsigned l, uint64_t base, uint64_t first,
                  uint64_t last, uint64_t *blocks, uint64_t *nodes)
{
    uint64_t j, end;

    if (!l) {
        ++*blocks;
        return;
    }
    ++*nodes;
    j = first > base ? (first - base) / span(l) : 0;
    end = (last - base) / span(l);
    for (; j <= end && j < VFS__FAN; j++)
        if (((void *const *)p)[j])
            count(((void *const *)p)[j], l - 1, base + j * span(l), first,
                  last, blocks, nodes);
}

uint64_t vfs__file_missing(const struct vfs__file *f, uint64_t first,
                           uint64_t last)
{
    uint64_t blocks = 0, nodes = 0, want = 0;
    unsigned h = height_for(last), l;

    if (f->root) {
        if (!(first >> (VFS__FAN_BITS * f->height)))
            count(f->root, f->height, 0, first, last, &blocks, &nodes);
        /* new roots below the top one that are over no block of the
         * range */
        for (l = f->height + 1; l < h; l++)
            want += !!(first >> (VFS__FAN_BITS * l));
        if (h < f->height)
            h = f->height;
    }
    for (l = 1; l <= h; l++) /* the nodes of level l over the range */
        want += (last >> (VFS__FAN_BITS * l)) -
                (first >> (VFS__FAN_BITS * l)) + 1;
    return (last - first + 1 - blocks) * VFS__BLOCK +
           (want - nodes) * VFS__NODE;
}

void vfs__file_empty(struct vfs *fs, struct vfs_node *n)
{
    struct vfs__file *f = &n->u.file;

    if (f->root)
        free_tree(fs, f, f->root, f->height, 0);
    f->root = NULL;
    drop_hint(fs, f);
    f->height = f->cap0 = 0;
    f->nborrowed = 0;
    n->size = 0;
}

static void file_free(struct vfs *fs, struct vfs_node *n)
{
    vfs__file_empty(fs, n);
}

const struct vfs__ops vfs__file_ops = {file_read, file_write, NULL, NULL,
                                       file_free};
