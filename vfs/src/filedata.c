/* filedata.c - regular file contents: a page table of blocks with holes. */
#include "vfs_impl.h"

#define PTR_SIZE sizeof(unsigned char *)

static void account(struct vfs *fs, struct vfs__file *f, int64_t delta)
{
    f->held += delta;
    fs->bytes += (uint64_t)delta;
}

/* Capacity of held block i. */
static size_t cap_of(const struct vfs__file *f, uint32_t i)
{
    return i ? (f->blk[i] ? VFS__BLOCK : 0) : f->cap0;
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
 * (copy on write) or zero, except [o, o+k) which the caller fills. -ENOSPC/-ENOMEM with nothing changed but a grown
 * page table. */
static int hold(struct vfs *fs, struct vfs__file *f, uint32_t i, size_t o,
                size_t k)
{
    size_t cap, want;
    unsigned char *b;

    if (i >= f->nblk) {
        /* Counted wide: near VFS__FILE_MAX the table would need 2^32
         * entries, more than nblk (or a 32-bit size_t) can count; such a
         * table is never held, and that is reported as no space. */
        uint64_t n = (uint64_t)f->nblk * 2;
        unsigned char **t;
        if (n <= i || n > UINT32_MAX)
            n = (uint64_t)i + 1;
        if (n > UINT32_MAX || n > SIZE_MAX / PTR_SIZE ||
            vfs__budget(fs, (n - f->nblk) * PTR_SIZE))
            return -ENOSPC;
        t = vfs__realloc(fs, f->blk, (size_t)n * PTR_SIZE);
        if (!t)
            return -ENOMEM;
        memset(t + f->nblk, 0, (size_t)(n - f->nblk) * PTR_SIZE);
        account(fs, f, (int64_t)((n - f->nblk) * PTR_SIZE));
        f->blk = t;
        f->nblk = (uint32_t)n;
    }
    cap = cap_of(f, i);
    if (cap >= o + k)
        return 0;
    want = VFS__BLOCK;
    if (!i) /* block 0 grows by powers of two from 16 bytes */
        for (want = 16; want < o + k; want *= 2)
            ;
    if (vfs__budget(fs, want - cap))
        return -ENOSPC;
    b = vfs__realloc(fs, f->blk[i], want);
    if (!b)
        return -ENOMEM;
    if (o > cap)
        memset(b + cap, 0, o - cap);
    if (o + k < want)
        memset(b + (o + k > cap ? o + k : cap), 0,
               want - (o + k > cap ? o + k : cap));
    borrowed_at(fs, f, (int64_t)i * VFS__BLOCK + (int64_t)cap, b + cap,
                want - cap);
    account(fs, f, (int64_t)(want - cap));
    f->blk[i] = b;
    if (!i)
        f->cap0 = (uint32_t)want;
    return 0;
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
        uint32_t i = (uint32_t)(pos / VFS__BLOCK);
        size_t o = (size_t)(pos % VFS__BLOCK), k = VFS__BLOCK - o;
        int r;
        if (k > len - done)
            k = len - done;
        r = hold(fs, f, i, o, k);
        if (r) {
            if (!done)
                return r;
            break;
        }
        memcpy(f->blk[i] + o, src + done, k);
        done += k;
    }
    if (off + (int64_t)done > n->size)
        n->size = off + (int64_t)done;
    return (ssize_t)done;
}

static ssize_t file_read(struct vfs *fs, struct vfs_node *n, void *buf,
                         size_t len, int64_t off)
{
    const struct vfs__file *f = &n->u.file;
    unsigned char *dst = buf;
    size_t done = 0;

    if (off >= n->size)
        return 0;
    if (len > (uint64_t)(n->size - off))
        len = (size_t)(n->size - off);
    while (done < len) {
        int64_t pos = off + (int64_t)done;
        uint32_t i = (uint32_t)(pos / VFS__BLOCK);
        size_t o = (size_t)(pos % VFS__BLOCK), k = VFS__BLOCK - o, c = 0;
        if (k > len - done)
            k = len - done;
        if (i < f->nblk && f->blk[i] && cap_of(f, i) > o) {
            c = cap_of(f, i) - o;
            if (c > k)
                c = k;
            memcpy(dst + done, f->blk[i] + o, c);
        }
        c += borrowed_at(fs, f, pos + (int64_t)c, dst + done + c, k - c);
        memset(dst + done + c, 0, k - c);
        done += k;
    }
    return (ssize_t)done;
}

int64_t vfs__file_seek(const struct vfs_node *n, int64_t off, int hole)
{
    const struct vfs__file *f = &n->u.file;
    int64_t i = off / VFS__BLOCK, last = (n->size - 1) / VFS__BLOCK, pos;

    for (; i <= last; i++) {
        int data = (i < f->nblk && f->blk[i]) ||
                   i * VFS__BLOCK < f->nborrowed;
        if (data != hole)
            break;
        if (!hole && i >= f->nblk &&
            (int64_t)f->nblk * VFS__BLOCK >= f->nborrowed)
            return -ENXIO; /* past the table and the borrowed bytes */
    }
    if (i > last)
        return hole ? n->size : -ENXIO;
    pos = i * VFS__BLOCK;
    return pos < off ? off : pos;
}

int vfs__file_truncate(struct vfs *fs, struct vfs_node *n, int64_t size)
{
    struct vfs__file *f = &n->u.file;
    uint64_t keep; /* blocks before the new end: up to 2^32, counted wide */
    uint32_t i;

    if (size > VFS__FILE_MAX)
        return -EFBIG;
    if (!size) {
        vfs__file_empty(fs, n);
        return 0;
    }
    if (size < f->nborrowed)
        f->nborrowed = size;
    if (size < n->size && f->nblk) {
        /* blocks wholly at or past the new end go (keep >= 1); the tail
         * is zeroed */
        keep = ((uint64_t)size + VFS__BLOCK - 1) / VFS__BLOCK;
        for (i = keep < f->nblk ? (uint32_t)keep : f->nblk; i < f->nblk; i++)
            if (f->blk[i]) {
                account(fs, f, -(int64_t)cap_of(f, i));
                vfs__free(fs, f->blk[i]);
                f->blk[i] = NULL;
            }
        if (keep <= f->nblk) {
            uint32_t last = (uint32_t)(keep - 1);
            size_t o = (size_t)(size % VFS__BLOCK), cap = cap_of(f, last);
            if (o && o < cap)
                memset(f->blk[last] + o, 0, cap - o);
        }
        if (keep * 2 <= f->nblk) {
            unsigned char **t =
                vfs__realloc(fs, f->blk, (size_t)keep * PTR_SIZE);
            if (t) {
                account(fs, f, -(int64_t)((f->nblk - keep) * PTR_SIZE));
                f->blk = t;
                f->nblk = keep;
            }
        }
    }
    n->size = size;
    return 0;
}

void vfs__file_empty(struct vfs *fs, struct vfs_node *n)
{
    struct vfs__file *f = &n->u.file;
    uint32_t i;

    for (i = 0; i < f->nblk; i++)
        vfs__free(fs, f->blk[i]);
    vfs__free(fs, f->blk);
    account(fs, f, -f->held);
    f->blk = NULL;
    f->nblk = f->cap0 = 0;
    f->nborrowed = 0;
    n->size = 0;
}

static void file_free(struct vfs *fs, struct vfs_node *n)
{
    vfs__file_empty(fs, n);
}

const struct vfs__ops vfs__file_ops = {file_read, file_write, NULL, NULL,
                                       file_free};
