/*
 * tar_write.c - writing a tree of the filesystem to a stream as a tar
 * archive (__wasi_vfs_tar_write; the contract is in vfs_streams.h).
 *
 * The walk is depth first with an explicit stack (no recursion, so a deep
 * tree cannot exhaust the stack): each level holds the names of its
 * directory, read once before anything under it is written. A directory
 * that did not change itself is written only when something under it is,
 * just before that (its header "pending" until then).
 *
 * The export reads everything, as the host taking its files back: a
 * directory or file whose owner bits deny reading (or searching) gets
 * them for the moment it is read (its ctime moves), and its mode back.
 */
#include <stdlib.h>
#include <string.h>

#include "io_error.h"
#include "vfs_streams.h"

#define BLOCK 512
#define CHUNK 65536

struct level {
    char *names;            /* NUL-separated names of the directory */
    size_t len, cap, at;    /* bytes used, allocated, next name */
    size_t pathlen;         /* length of the directory's path in path[] */
    int pending;            /* its header is not written yet */
    int all;                /* everything under it is written: it was
                               moved (or renamed) since the imports */
    int opened;             /* mode changed to read it: restore on pop */
    struct vfs_stat st;
};

struct wr {
    struct vfs *fs;
    wasi_io_output *out;
    int64_t since;
    char *why;
    size_t whysize;
    size_t base;            /* length of src's path in path[] */
    struct level *lv;
    size_t depth, caplv;
    int64_t count;          /* entries written */
    unsigned char *buf;     /* CHUNK bytes */
    int64_t stored;         /* a sparse file's map and data bytes, or -1 */
    char path[VFS_PATH_MAX], link[VFS_PATH_MAX];
};

/* p (old bytes) moved into a new block of n bytes, or NULL (p kept).
 * Not realloc: a program that does not call it should not carry it. */
static void *grow(void *p, size_t old, size_t n)
{
    void *q = malloc(n);
    if (q && old)
        memcpy(q, p, old);
    if (q)
        free(p);
    return q;
}

static int say(struct wr *w, int err, const char *a, const char *b)
{
    const char *part[2] = {a, b};
    size_t n = 0, i, k;
    if (!w->why || !w->whysize)
        return err;
    for (i = 0; i < 2; i++)
        for (k = 0; part[i] && part[i][k] && n + 1 < w->whysize; k++)
            w->why[n++] = part[i][k];
    w->why[n] = 0;
    return err;
}

static int put(struct wr *w, const void *buf, size_t n)
{
    int e = wasi_io_blocking_write(w->out, buf, n);
    return e ? say(w, __wasi_vfs_io_error(e), "cannot write the archive: ",
                   wasi_io_strerror(e))
             : 0;
}

/* Writes v in octal into an n-byte field (n-1 digits and a NUL); -1 when
 * it does not fit. */
static int octal(unsigned char *p, size_t n, int64_t v)
{
    size_t i = n - 1;
    if (v < 0)
        return -1;
    p[i] = 0;
    while (i-- > 0) {
        p[i] = (unsigned char)('0' + (v & 7));
        v >>= 3;
    }
    return v ? -1 : 0;
}

/* Appends the pax record "LEN key=value\n" to rec (at *n, room cap). */
static int record(char *rec, size_t *n, size_t cap, const char *key,
                  const char *val, size_t vlen)
{
    size_t body = strlen(key) + vlen + 3, len = body, d, t;
    char digits[24];
    for (;;) { /* the length counts its own digits */
        for (d = 1, t = len; t >= 10; t /= 10)
            d++;
        if (body + d == len)
            break;
        len = body + d;
    }
    if (*n + len > cap)
        return -ENAMETOOLONG;
    for (t = len, d = 0; t || !d; t /= 10)
        digits[d++] = (char)('0' + t % 10);
    while (d)
        rec[(*n)++] = digits[--d];
    rec[(*n)++] = ' ';
    memcpy(rec + *n, key, strlen(key));
    *n += strlen(key);
    rec[(*n)++] = '=';
    memcpy(rec + *n, val, vlen);
    *n += vlen;
    rec[(*n)++] = '\n';
    return 0;
}

/* Fills in a ustar header for name (n bytes), type, size, mode, mtime,
 * link target, and its checksum. */
static void ustar(unsigned char *h, const char *name, size_t n, char type,
                  int64_t size, uint32_t mode, int64_t mtime,
                  const char *link, size_t ln)
{
    unsigned sum = 0;
    int i;
    memset(h, 0, BLOCK);
    memcpy(h, name, n > 100 ? 100 : n);
    octal(h + 100, 8, mode & 07777);
    octal(h + 108, 8, 0);
    octal(h + 116, 8, 0);
    octal(h + 124, 12, size);
    octal(h + 136, 12, mtime);
    h[156] = (unsigned char)type;
    if (link)
        memcpy(h + 157, link, ln > 100 ? 100 : ln);
    memcpy(h + 257, "ustar\0" "00", 8);
    memset(h + 148, ' ', 8);
    for (i = 0; i < BLOCK; i++)
        sum += h[i];
    octal(h + 148, 7, sum);
}

/* Writes the header(s) of the entry at path[base+1..] (rel), with a pax
 * extended header first when a name, target, size or time does not fit. */
static int header(struct wr *w, const struct vfs_stat *st, char type,
                  const char *link, size_t ln)
{
    const char *rel = w->path + w->base + 1;
    size_t n = strlen(rel), pn = 0;
    int64_t secs = st->mtime.tv_sec < 0 ? 0 : (int64_t)st->mtime.tv_sec;
    int64_t size = type != '0' ? 0 : w->stored >= 0 ? w->stored : st->size;
    unsigned char h[BLOCK];
    char *rec = (char *)w->buf;
    char d[40];
    int e;

    if (type == '5') { /* a directory's name ends with '/' */
        memcpy(w->link, rel, n);
        w->link[n++] = '/';
        w->link[n] = 0;
        rel = w->link;
    }
    if (type == '0' && w->stored >= 0) {
        /* PAX sparse format 1.0, as GNU tar writes it: the real name and
         * size in records, the ustar name DIR/GNUSparseFile.0/BASE */
        size_t b = n;
        char *p = d + sizeof d - 1;
        int64_t v = st->size;
        *p = 0;
        do
            *--p = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        if ((e = record(rec, &pn, CHUNK, "GNU.sparse.major", "1", 1)) ||
            (e = record(rec, &pn, CHUNK, "GNU.sparse.minor", "0", 1)) ||
            (e = record(rec, &pn, CHUNK, "GNU.sparse.name", rel, n)) ||
            (e = record(rec, &pn, CHUNK, "GNU.sparse.realsize", p,
                        strlen(p))))
            return say(w, e, rel, ": name too long");
        while (b && rel[b - 1] != '/')
            b--;
        memcpy(w->link, rel, b);
        memcpy(w->link + b, "GNUSparseFile.0/", 16);
        memcpy(w->link + b + 16, rel + b, n - b + 1);
        n += 16;
        rel = w->link;
    } else if (n > 100 && (e = record(rec, &pn, CHUNK, "path", rel, n)))
        return say(w, e, rel, ": name too long");
    if (link && ln > 100 && (e = record(rec, &pn, CHUNK, "linkpath", link,
                                        ln)))
        return say(w, e, rel, ": link target too long");
    if (octal(h + 124, 12, size)) {
        char *p = d + sizeof d - 1;
        int64_t v = size;
        *p = 0;
        do
            *--p = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        record(rec, &pn, CHUNK, "size", p, strlen(p));
        size = 0;
    }
    if (octal(h + 136, 12, secs))
        secs = 077777777777;
    if (st->mtime.tv_sec >= 0 && st->mtime.tv_nsec) { /* "S.NNNNNNNNN" */
        char *p = d + sizeof d - 1;
        int64_t v = (int64_t)st->mtime.tv_sec;
        long ns = st->mtime.tv_nsec, k;
        *p = 0;
        for (k = 0; k < 9; k++, ns /= 10)
            *--p = (char)('0' + ns % 10);
        *--p = '.';
        do
            *--p = (char)('0' + v % 10);
        while ((v /= 10) > 0);
        record(rec, &pn, CHUNK, "mtime", p, strlen(p));
    }
    if (pn) {
        ustar(h, "././@PaxHeader", 14, 'x', (int64_t)pn, 0644, secs, NULL, 0);
        if ((e = put(w, h, BLOCK)) || (e = put(w, rec, pn)))
            return e;
        memset(h, 0, BLOCK);
        if (pn % BLOCK && (e = put(w, h, BLOCK - pn % BLOCK)))
            return e;
    }
    ustar(h, rel, n, type, size, st->mode, secs, link, ln);
    return put(w, h, BLOCK);
}

/* Writes the headers of the levels still pending, outermost first. */
static int flush_pending(struct wr *w)
{
    size_t i;
    int e;
    for (i = 1; i < w->depth; i++) {
        struct level *l = &w->lv[i];
        char c;
        if (!l->pending)
            continue;
        c = w->path[l->pathlen];
        w->path[l->pathlen] = 0;
        e = header(w, &l->st, '5', NULL, 0);
        w->path[l->pathlen] = c;
        if (e)
            return e;
        l->pending = 0;
        w->count++;
    }
    return 0;
}

/* The runs of data of fd (size bytes), in order, each given to
 * each(w, ctx, offset, length) until it returns nonzero; where the
 * filesystem cannot tell holes, one run of the whole file. */
static int runs(struct wr *w, int fd, int64_t size,
                int (*each)(struct wr *, void *, int64_t, int64_t),
                void *ctx)
{
    int64_t off = 0, end;
    int e;
    while (off < size) {
        int64_t d = vfs_lseek_holes(w->fs, fd, off, VFS_SEEK_DATA);
        if (d == -ENXIO)
            return 0;
        if (d < 0) /* no map: all data */
            d = off, end = size;
        else if ((end = vfs_lseek_holes(w->fs, fd, d, VFS_SEEK_HOLE)) < 0)
            end = size;
        if ((e = each(w, ctx, d, end - d)))
            return e;
        off = end;
    }
    return 0;
}

/* Writes v and '\n' at p; returns the length. */
static size_t decimal(char *p, int64_t v)
{
    char t[24];
    size_t n = 0, k = 0;
    do
        t[n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    while (n)
        p[k++] = t[--n];
    p[k++] = '\n';
    return k;
}

/* Pass one: the runs' count, bytes and map text length. */
struct tally {
    int64_t runs, bytes, text;
};

static int count(struct wr *w, void *ctx, int64_t off, int64_t len)
{
    struct tally *t = ctx;
    char s[24];
    (void)w;
    t->runs++;
    t->bytes += len;
    t->text += (int64_t)decimal(s, off) + (int64_t)decimal(s, len);
    return 0;
}

/* Pass two: the map lines, through w->buf (n: bytes held there). */
static int line(struct wr *w, size_t *n, int64_t v)
{
    int e;
    if (*n + 24 > CHUNK) {
        if ((e = put(w, w->buf, *n)))
            return e;
        *n = 0;
    }
    *n += decimal((char *)w->buf + *n, v);
    return 0;
}

static int map_run(struct wr *w, void *ctx, int64_t off, int64_t len)
{
    int e = line(w, ctx, off);
    return e ? e : line(w, ctx, len);
}

/* Pass three (and the whole of a file without holes): the runs' bytes. */
static int data(struct wr *w, void *ctx, int64_t off, int64_t len)
{
    int fd = *(int *)ctx, e;
    while (len > 0) {
        size_t k = len > CHUNK ? CHUNK : (size_t)len;
        ssize_t r = vfs_pread(w->fs, fd, w->buf, k, off);
        if (r <= 0) /* it shrank meanwhile: no way to say so in tar */
            return say(w, r < 0 ? (int)r : -EIO, w->path, ": cannot read it");
        if ((e = put(w, w->buf, (size_t)r)))
            return e;
        off += r;
        len -= r;
    }
    return 0;
}

static int pad(struct wr *w, int64_t n)
{
    memset(w->buf, 0, BLOCK);
    return n % BLOCK ? put(w, w->buf, BLOCK - (size_t)(n % BLOCK)) : 0;
}

/* Writes the regular file at path: header, bytes, padding. A file with
 * holes (whole 4 KiB blocks the filesystem does not hold) goes in PAX
 * sparse format 1.0, as GNU tar writes it: the data area starts with the
 * map (the number of runs, then each run's offset and length, one
 * decimal number a line, padded to a block; the last run is the end of
 * the file with length 0), then the runs' bytes; the holes are not in
 * the archive. Memory: the CHUNK buffer; the map is walked again rather
 * than held. */
static int file(struct wr *w, const struct vfs_stat *st)
{
    struct tally t = {0, 0, 0};
    char s[24];
    size_t n = 0;
    int64_t text;
    int fd, e;

    fd = vfs_openat(w->fs, VFS_AT_ROOT, w->path, VFS_O_RDONLY | VFS_O_NOFOLLOW,
                    0);
    if (fd == -EACCES &&
        !vfs_fchmodat(w->fs, VFS_AT_ROOT, w->path, (st->mode | 0400) & 07777,
                      0)) {
        fd = vfs_openat(w->fs, VFS_AT_ROOT, w->path, VFS_O_RDONLY, 0);
        vfs_fchmodat(w->fs, VFS_AT_ROOT, w->path, st->mode & 07777, 0);
    }
    if (fd < 0)
        return say(w, fd, w->path, ": cannot open it");
    w->stored = -1;
    runs(w, fd, st->size, count, &t);
    if (t.bytes >= st->size) { /* no holes: the plain form */
        if (!(e = header(w, st, '0', NULL, 0)) &&
            !(e = data(w, &fd, 0, st->size)))
            e = pad(w, st->size);
        vfs_close(w->fs, fd);
        return e;
    }
    text = (int64_t)decimal(s, t.runs + 1) + t.text +
           (int64_t)decimal(s, st->size) + 2;
    w->stored = (text + BLOCK - 1) / BLOCK * BLOCK + t.bytes;
    e = header(w, st, '0', NULL, 0);
    w->stored = -1;
    if (!e && !(e = line(w, &n, t.runs + 1)) &&
        !(e = runs(w, fd, st->size, map_run, &n)) &&
        !(e = line(w, &n, st->size)) && !(e = line(w, &n, 0)) &&
        !(e = put(w, w->buf, n)) && !(e = pad(w, text)) &&
        !(e = runs(w, fd, st->size, data, &fd)))
        e = pad(w, t.bytes);
    vfs_close(w->fs, fd);
    return e;
}

static int collect(void *ctx, const struct vfs_dirent *ent)
{
    struct level *l = ctx;
    if ((ent->namelen == 1 || ent->namelen == 2) && ent->name[0] == '.' &&
        (ent->namelen == 1 || ent->name[1] == '.'))
        return 0;
    if (l->len + ent->namelen + 1 > l->cap) {
        size_t cap = (l->cap ? l->cap * 2 : 256) + ent->namelen;
        char *p = grow(l->names, l->len, cap);
        if (!p)
            return -ENOMEM;
        l->names = p;
        l->cap = cap;
    }
    memcpy(l->names + l->len, ent->name, ent->namelen);
    l->names[l->len + ent->namelen] = 0;
    l->len += ent->namelen + 1;
    return 0;
}

/* Pops the innermost level, giving its directory its mode back. */
static void pop(struct wr *w)
{
    struct level *l = &w->lv[--w->depth];
    if (l->opened) {
        char c = w->path[l->pathlen];
        w->path[l->pathlen] = 0;
        vfs_fchmodat(w->fs, VFS_AT_ROOT, w->path[0] ? w->path : "/",
                     l->st.mode & 07777, 0);
        w->path[l->pathlen] = c;
    }
    free(l->names);
}

/* Pushes a level for the directory at path (length len). */
static int push(struct wr *w, size_t len, const struct vfs_stat *st,
                int pending)
{
    struct level *l;
    int fd, e;
    if (w->depth == w->caplv) {
        size_t cap = w->caplv ? w->caplv * 2 : 16;
        if (!(l = grow(w->lv, w->caplv * sizeof *l, cap * sizeof *l)))
            return -ENOMEM;
        w->lv = l;
        w->caplv = cap;
    }
    l = &w->lv[w->depth];
    memset(l, 0, sizeof *l);
    l->pathlen = len;
    l->pending = pending;
    l->st = *st;
    if ((st->mode & 0500) != 0500) { /* to list it and look under it */
        if ((e = vfs_fchmodat(w->fs, VFS_AT_ROOT, w->path,
                              (st->mode | 0500) & 07777, 0)))
            return say(w, e, w->path, ": cannot open the directory");
        l->opened = 1;
    }
    fd = vfs_openat(w->fs, VFS_AT_ROOT, w->path,
                    VFS_O_RDONLY | VFS_O_DIRECTORY | VFS_O_NOFOLLOW, 0);
    if (fd < 0)
        return say(w, fd, w->path, ": cannot open the directory");
    e = vfs_readdir(w->fs, fd, 0, collect, l);
    vfs_close(w->fs, fd);
    if (e) {
        free(l->names);
        return say(w, e, w->path, ": cannot list the directory");
    }
    w->depth++;
    return 0;
}

int64_t __wasi_vfs_tar_write(struct vfs *fs, const char *src, int64_t since,
                             wasi_io_output *out, char *why, size_t whysize)
{
    struct wr *w = malloc(sizeof *w);
    struct vfs_stat st;
    int64_t count;
    int e;

    if (why && whysize)
        why[0] = 0;
    if (w)
        memset(w, 0, sizeof *w); /* not calloc, which nothing else needs */
    if (!w || !(w->buf = malloc(CHUNK))) {
        free(w);
        return -ENOMEM;
    }
    w->fs = fs;
    w->stored = -1;
    w->out = out;
    w->since = since;
    w->why = why;
    w->whysize = whysize;
    /* src as given, less trailing slashes (no realpath: a program that
     * never calls it should not carry it) */
    w->base = strlen(src);
    while (w->base > 1 && src[w->base - 1] == '/')
        w->base--;
    if (src[0] != '/' || w->base >= sizeof w->path - 2) {
        e = say(w, src[0] != '/' ? -EINVAL : -ENAMETOOLONG, src,
                ": not a usable absolute path");
        goto out;
    }
    memcpy(w->path, src, w->base);
    w->path[w->base] = 0;
    if (w->base == 1)
        w->base = 0; /* "/": names start after its slash */
    if ((e = vfs_fstatat(fs, VFS_AT_ROOT, w->path, &st, 0))) {
        e = say(w, e, src, ": cannot find it");
        goto out;
    }
    if ((e = push(w, w->base, &st, 0)))
        goto out;
    while (w->depth && !e) {
        struct level *l = &w->lv[w->depth - 1];
        size_t n;
        int64_t changed;
        int all;
        if (l->at >= l->len) {
            pop(w);
            continue;
        }
        n = strlen(l->names + l->at);
        if (l->pathlen + 1 + n + 2 >= sizeof w->path) {
            e = say(w, -ENAMETOOLONG, w->path,
                    ": a name under it is too long");
            break;
        }
        w->path[l->pathlen] = '/';
        memcpy(w->path + l->pathlen + 1, l->names + l->at, n + 1);
        l->at += n + 1;
        if ((e = vfs_fstatat(fs, VFS_AT_ROOT, w->path, &st,
                             VFS_AT_SYMLINK_NOFOLLOW))) {
            e = say(w, e, w->path, ": cannot look at it");
            break;
        }
        all = l->all;
        changed = all || !since || (int64_t)st.ctime.tv_sec * 1000000000 +
                                           st.ctime.tv_nsec >= since;
        switch (st.mode & VFS_S_IFMT) {
        case VFS_S_IFDIR:
            if (changed && ((e = flush_pending(w)) ||
                            (e = header(w, &st, '5', NULL, 0))))
                break;
            w->count += changed;
            /* Changed and moved (renamed at some time, or its listing
             * as it was before the imports: moved here or chmod'ed):
             * what is under it is at new names, changed or not. */
            all = all || (changed && ((st.flags & VFS_ST_MOVED) ||
                                      (int64_t)st.mtime.tv_sec * 1000000000 +
                                              st.mtime.tv_nsec < since));
            if (!(e = push(w, l->pathlen + 1 + n, &st, !changed)))
                w->lv[w->depth - 1].all = all;
            break;
        case VFS_S_IFREG:
            if (changed && !(e = flush_pending(w)) && !(e = file(w, &st)))
                w->count++;
            break;
        case VFS_S_IFLNK:
            if (changed) {
                ssize_t k = vfs_readlinkat(fs, VFS_AT_ROOT, w->path, w->link,
                                           sizeof w->link - 1);
                if (k < 0) {
                    e = say(w, (int)k, w->path, ": cannot read the link");
                    break;
                }
                w->link[k] = 0;
                if (!(e = flush_pending(w)) &&
                    !(e = header(w, &st, '2', w->link, (size_t)k)))
                    w->count++;
            }
            break;
        default: /* devices, FIFOs, sockets: not files */
            break;
        }
    }
    if (!e) {
        memset(w->buf, 0, 2 * BLOCK);
        if (!(e = put(w, w->buf, 2 * BLOCK)) &&
            (e = wasi_io_blocking_flush(out)))
            e = say(w, __wasi_vfs_io_error(e), "cannot write the archive: ",
                    wasi_io_strerror(e));
    }
out:
    count = w->count;
    while (w->depth)
        pop(w);
    free(w->lv);
    free(w->buf);
    free(w);
    return e ? e : count;
}
