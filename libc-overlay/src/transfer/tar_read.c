/*
 * tar_read.c - extracting a tar archive from a stream (__wasi_vfs_tar_read;
 * the contract is in vfs_streams.h).
 *
 * All or nothing: every path the import makes is recorded, in order (a
 * directory always before what is in it), and on any error they are
 * removed again, last first. Nothing that existed before is changed:
 * existing directories are merged into (their mode and times kept), and
 * an archive entry whose name an existing non-directory has fails the
 * import (-EEXIST). A name the archive itself used before is replaced, as
 * tar does. Directories the import makes stay 0700 until the end, when
 * they get their modes and times, deepest first.
 *
 * Safety: every name is cleaned first (leading "/" and "./" dropped, ".."
 * refused), and every directory between dest and an entry (or a hard-link
 * target) is looked at with lstat, never followed, so that nothing lands
 * outside dest through a symlink. Nothing past the end-of-archive marker is
 * read.
 */
#include <stdlib.h>
#include <string.h>

#include "io_error.h"
#include "vfs_streams.h"

#define BLOCK 512
#define CHUNK 65536

/* A path the import made. */
struct made {
    struct made *prev;      /* made before this one */
    uint32_t mode;          /* directory: final mode | VFS_S_IFDIR; 0:
                               a file, or a directory the archive only
                               implied (0755) */
    int dir;
    int64_t mtime;          /* directory: final mtime (ns) */
    char path[];            /* absolute */
};

struct rd {
    struct vfs *fs;
    wasi_io_input *in;
    char *why;
    size_t whysize;
    struct made *last;      /* the record, newest first */
    size_t dl;              /* length of dest in path */
    char *long_name, *long_link;  /* pending pax / GNU values */
    int64_t pax_size, pax_mtime;  /* -1: none */
    int sparse;                   /* GNU.sparse.* records: not imported */
    unsigned char hdr[BLOCK];
    unsigned char *buf;     /* CHUNK bytes */
    char path[VFS_PATH_MAX], link[VFS_PATH_MAX];
    char known[VFS_PATH_MAX];   /* a directory known to be real (or "") */
};

/* Sets why to "a b c" (NULL parts skipped), truncated; returns err. */
static int say(struct rd *r, int err, const char *a, const char *b,
               const char *c)
{
    const char *part[3] = {a, b, c};
    size_t n = 0, i, k;
    if (!r->why || !r->whysize)
        return err;
    for (i = 0; i < 3; i++)
        for (k = 0; part[i] && part[i][k] && n + 1 < r->whysize; k++)
            r->why[n++] = part[i][k];
    r->why[n] = 0;
    return err;
}

/* The entry's name as the archive gives it, for messages. */
static const char *rel(const struct rd *r)
{
    return r->path[r->dl] ? r->path + r->dl + 1 : r->path;
}

/* Whether strings a and b are equal (not strcmp: a program that does not
 * call it should not carry it). */
static int same(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    return p ? memcpy(p, s, n) : NULL;
}

/* ---- header fields ------------------------------------------------------ */

/* An octal (or GNU base-256) number field of n bytes: its value, or -1
 * when malformed or negative. Leading spaces; NUL or spaces after. */
static int64_t num(const unsigned char *p, size_t n)
{
    int64_t v = 0;
    size_t i = 0;
    if (p[0] & 0x80) {
        if (p[0] & 0x40)
            return -1;
        v = p[0] & 0x3f;
        for (i = 1; i < n; i++) {
            if (v > (INT64_MAX >> 8))
                return -1;
            v = v << 8 | p[i];
        }
        return v;
    }
    while (i < n && p[i] == ' ')
        i++;
    for (; i < n && p[i] >= '0' && p[i] <= '7'; i++) {
        if (v > (INT64_MAX >> 3))
            return -1;
        v = v * 8 + (p[i] - '0');
    }
    for (; i < n; i++)
        if (p[i] != ' ' && p[i])
            return -1;
    return v;
}

/* Whether the checksum (unsigned, or signed as old tars made it) is right. */
static int checksum_ok(const unsigned char *h)
{
    int64_t want = num(h + 148, 8), u = 0, s = 0;
    int i;
    for (i = 0; i < BLOCK; i++) {
        int in = i >= 148 && i < 156;
        u += in ? ' ' : h[i];
        s += in ? ' ' : (signed char)h[i];
    }
    return want >= 0 && (want == u || want == s);
}

/* Length of a NUL-padded field. */
static size_t flen(const unsigned char *p, size_t n)
{
    const unsigned char *z = memchr(p, 0, n);
    return z ? (size_t)(z - p) : n;
}

/* ---- the stream -------------------------------------------------------- */

/* Reads exactly n bytes: 0, -EIO when the stream ends first, or the
 * stream's error as an errno (io_error.h). */
static int get(struct rd *r, void *buf, size_t n)
{
    ptrdiff_t k = wasi_io_read_full(r->in, buf, n);
    if (k < 0)
        return say(r, __wasi_vfs_io_error((int)k), "cannot read the archive: ",
                   wasi_io_strerror((int)k), NULL);
    return (size_t)k == n ? 0 : say(r, -EIO, "truncated archive: the stream "
                                             "ended inside an entry",
                                    NULL, NULL);
}

/* Skips n bytes. */
static int skip(struct rd *r, int64_t n)
{
    int e = 0;
    while (n > 0 && !e) {
        size_t k = n > CHUNK ? CHUNK : (size_t)n;
        e = get(r, r->buf, k);
        n -= (int64_t)k;
    }
    return e;
}

/* Skips the padding after n bytes of data. */
static int pad(struct rd *r, int64_t n)
{
    return skip(r, (BLOCK - n % BLOCK) % BLOCK);
}

/* Reads n bytes of data (and padding) into a new NUL-terminated string. */
static int get_meta(struct rd *r, int64_t n, char **out, const char *what)
{
    char *s;
    int e;
    if (n > WASI_VFS_TAR_META_MAX)
        return say(r, -EFBIG, what, " larger than 64 KiB", NULL);
    if (!(s = malloc((size_t)n + 1)))
        return -ENOMEM;
    if ((e = get(r, s, (size_t)n)) || (e = pad(r, n))) {
        free(s);
        return e;
    }
    s[n] = 0;
    *out = s;
    return 0;
}

/* ---- names and what was made ------------------------------------------ */

/* Appends name (n bytes) to path at r->dl, cleaned: leading "/" and "./"
 * and empty or "." components dropped. Returns its length (0: dest
 * itself), or -EPERM for "..", -EINVAL for a NUL byte, -ENAMETOOLONG. */
static int clean(struct rd *r, const char *name, size_t n, char *out)
{
    size_t i = 0, o = r->dl;
    if (memchr(name, 0, n))
        return -EINVAL;
    if (out != r->path)
        memcpy(out, r->path, r->dl);
    while (i < n) {
        size_t j = i;
        while (j < n && name[j] != '/')
            j++;
        if (j - i == 2 && name[i] == '.' && name[i + 1] == '.')
            return -EPERM;
        if (j > i && !(j - i == 1 && name[i] == '.')) {
            if (o + 1 + (j - i) >= VFS_PATH_MAX)
                return -ENAMETOOLONG;
            out[o++] = '/';
            memcpy(out + o, name + i, j - i);
            o += j - i;
        }
        i = j + 1;
    }
    out[o] = 0;
    return (int)(o - r->dl);
}

/* Records that path was made. */
static int record(struct rd *r, const char *path, int dir)
{
    size_t n = strlen(path) + 1;
    struct made *m = malloc(sizeof *m + n);
    if (!m)
        return -ENOMEM;
    memcpy(m->path, path, n);
    m->dir = dir;
    m->mode = 0;
    m->mtime = 0;
    m->prev = r->last;
    r->last = m;
    return 0;
}

/* The record of path, or NULL when the import did not make it. */
static struct made *made(struct rd *r, const char *path)
{
    struct made *m;
    for (m = r->last; m && !same(m->path, path); m = m->prev)
        ;
    return m;
}

/* Makes directory p (0700 while the import runs) and records it. */
static int mkdir_made(struct rd *r, const char *p)
{
    int e = record(r, p, 1);
    if (!e && (e = vfs_mkdirat(r->fs, VFS_AT_ROOT, p, 0700))) {
        struct made *m = r->last;
        r->last = m->prev;
        free(m);
    }
    return e;
}

/* Makes every directory between dest and the last component of p exist,
 * as a real directory: never a symlink, so nothing climbs out of dest. */
static int parents(struct rd *r, char *p)
{
    size_t n = strlen(p), i;
    struct vfs_stat st;
    int e;

    while (n > r->dl && p[n] != '/')
        n--;
    if (n <= r->dl || (!memcmp(r->known, p, n) && !r->known[n]))
        return 0;
    for (i = r->dl + 1; i <= n; i++) {
        if (i < n && p[i] != '/')
            continue;
        p[i] = 0;
        e = vfs_fstatat(r->fs, VFS_AT_ROOT, p, &st, VFS_AT_SYMLINK_NOFOLLOW);
        if (e == -ENOENT)
            e = mkdir_made(r, p);
        else if (!e && (st.mode & VFS_S_IFMT) == VFS_S_IFLNK)
            e = say(r, -EPERM, p + r->dl + 1, ": a symlink; an entry under "
                                              "it would climb out", NULL);
        else if (!e && (st.mode & VFS_S_IFMT) != VFS_S_IFDIR)
            e = say(r, -ENOTDIR, p + r->dl + 1,
                    ": not a directory, but the archive has an entry under it",
                    NULL);
        p[i] = '/';
        if (e)
            return e;
    }
    memcpy(r->known, p, n);
    r->known[n] = 0;
    return 0;
}

/* Makes room for a new entry at path: nothing there, or a non-directory
 * the archive made before (removed: a later entry wins). */
static int room(struct rd *r, int dir)
{
    struct vfs_stat st;
    int e = vfs_fstatat(r->fs, VFS_AT_ROOT, r->path, &st,
                        VFS_AT_SYMLINK_NOFOLLOW);
    if (e)
        return e == -ENOENT ? 0 : e;
    if ((st.mode & VFS_S_IFMT) == VFS_S_IFDIR)
        return dir ? 1 : say(r, -EISDIR, rel(r), ": a directory is there",
                             NULL);
    if (!made(r, r->path))
        return say(r, -EEXIST, rel(r), ": exists already; an import "
                                       "replaces nothing", NULL);
    return vfs_unlinkat(r->fs, VFS_AT_ROOT, r->path, 0);
}

/* ---- one entry --------------------------------------------------------- */

/* Parses pax records (n bytes at s) into the pending values; global ones
 * are checked and dropped. */
static int pax(struct rd *r, char *s, int64_t n, int global)
{
    char *p = s, *end = s + n;
    while (p < end) {
        char *q = p, *eq, *val, *key;
        int64_t len = 0, v = 0, frac = 0, scale = 100000000;
        while (q < end && *q >= '0' && *q <= '9' && len < 1000000)
            len = len * 10 + (*q++ - '0');
        if (q == p || q >= end || *q != ' ' || len > end - p || len < 5 ||
            p[len - 1] != '\n')
            return say(r, -EINVAL, "malformed pax extended header record",
                       NULL, NULL);
        p[len - 1] = 0;
        key = q + 1;
        if (!(eq = strchr(key, '=')))
            return say(r, -EINVAL, "pax record without '='", NULL, NULL);
        *eq = 0;
        val = eq + 1;
        p += len;
        if (global)
            continue;
        if (same(key, "path") || same(key, "linkpath")) {
            char **dst = key[0] == 'p' ? &r->long_name : &r->long_link;
            if (val + strlen(val) != p - 1)
                return say(r, -EINVAL, "NUL byte in a pax ", key, NULL);
            free(*dst);
            if (!(*dst = copy(val)))
                return -ENOMEM;
        } else if (same(key, "size") || same(key, "mtime")) {
            char *c = val + (key[0] == 'm' && *val == '-');
            if (*c < '0' || *c > '9')
                return say(r, -EINVAL, "bad pax ", key, NULL);
            for (; *c >= '0' && *c <= '9'; c++) {
                if (v > (INT64_MAX - 9) / 10 ||
                    (key[0] == 'm' && v > INT64_MAX / 1000000000 - 1))
                    return say(r, -EFBIG, "pax ", key, " too large");
                v = v * 10 + (*c - '0');
            }
            if (key[0] == 'm' && *c == '.')
                for (c++; *c >= '0' && *c <= '9'; c++, scale /= 10)
                    frac += (*c - '0') * scale;
            if (*c)
                return say(r, -EINVAL, "bad pax ", key, NULL);
            if (key[0] == 'm' && v > INT64_MAX / 1000000000 - 1)
                return say(r, -EFBIG, "pax ", key, " too large");
            if (key[0] == 's')
                r->pax_size = v;
            else
                r->pax_mtime = *val == '-' ? 0 : v * 1000000000 + frac;
        } else if (!strncmp(key, "GNU.sparse.", 11)) {
            r->sparse = 1;
        }
    }
    return 0;
}

static void to_ts(struct timespec ts[2], int64_t ns)
{
    ts[0].tv_sec = ts[1].tv_sec = (time_t)(ns / 1000000000);
    ts[0].tv_nsec = ts[1].tv_nsec = (long)(ns % 1000000000);
}

/* Writes n bytes of the stream into the new file at path, then sets its
 * mode and mtime. */
static int file(struct rd *r, int64_t n, uint32_t mode, int64_t mtime)
{
    struct vfs_statvfs sv;
    struct timespec ts[2];
    int fd, e = 0;

    vfs_statvfs(r->fs, &sv);
    if ((uint64_t)n > sv.bfree * sv.bsize)
        return say(r, -EFBIG, rel(r), ": size larger than the space left in "
                                      "the filesystem", NULL);
    if ((e = record(r, r->path, 0)))
        return e;
    fd = vfs_openat(r->fs, VFS_AT_ROOT, r->path,
                    VFS_O_WRONLY | VFS_O_CREAT | VFS_O_EXCL, 0600);
    if (fd < 0)
        return fd; /* the record's unlink will fail harmlessly */
    while (n > 0 && !e) {
        size_t k = n > CHUNK ? CHUNK : (size_t)n, done = 0;
        if ((e = get(r, r->buf, k)))
            break;
        while (done < k && !e) {
            ssize_t w = vfs_write(r->fs, fd, r->buf + done, k - done);
            if (w < 0)
                e = say(r, (int)w, rel(r), ": cannot write it", NULL);
            else
                done += (size_t)w;
        }
        n -= (int64_t)k;
    }
    to_ts(ts, mtime);
    if (!e && !(e = vfs_fchmod(r->fs, fd, mode)))
        e = vfs_futimens(r->fs, fd, ts);
    vfs_close(r->fs, fd);
    return e;
}

/* A hard link or symlink at path to target (n bytes). */
static int link_entry(struct rd *r, char type, const char *target, size_t n,
                      int64_t mtime)
{
    struct timespec ts[2];
    int e;
    if (type == '2') {
        if (!n)
            return say(r, -EINVAL, rel(r), ": symlink with an empty target",
                       NULL);
        memcpy(r->link, target, n);
        r->link[n] = 0;
        if ((e = record(r, r->path, 0)) ||
            (e = vfs_symlinkat(r->fs, r->link, VFS_AT_ROOT, r->path)))
            return e;
        to_ts(ts, mtime);
        return vfs_utimensat(r->fs, VFS_AT_ROOT, r->path, ts,
                             VFS_AT_SYMLINK_NOFOLLOW);
    }
    /* a hard link to an earlier entry of the archive, by its name */
    e = clean(r, target, n, r->link);
    if (e <= 0 || (e = parents(r, r->link)))
        return say(r, e ? e : -EPERM, rel(r),
                   ": hard link to a name outside the archive", NULL);
    if (!made(r, r->link))
        return say(r, -ENOENT, rel(r), ": hard link to an entry not in the "
                                       "archive", NULL);
    if ((e = record(r, r->path, 0)))
        return e;
    return vfs_linkat(r->fs, VFS_AT_ROOT, r->link, VFS_AT_ROOT, r->path, 0);
}

/* Applies the entry whose header is in r->hdr. Returns 0, 1 after a meta
 * entry (it applies to the next one), or an error. */
static int entry(struct rd *r)
{
    static const char kinds[] = "3character device\0"
                                "4block device\0"
                                "6FIFO\0"
                                "Ssparse file\0"
                                "Mmulti-volume continuation\0"
                                "Vvolume label\0"
                                "Dincremental dump directory\0";
    const unsigned char *h = r->hdr;
    int64_t size = num(h + 124, 12), mtime = num(h + 136, 12);
    int64_t mode = num(h + 100, 8);
    char type = (char)h[156], *tmp = NULL;
    const char *name = (const char *)h, *k;
    size_t nlen = flen(h, 100);
    int e;

    if (!checksum_ok(h))
        return say(r, -EINVAL, "not a tar archive, or a damaged header (bad "
                               "checksum)", NULL, NULL);
    if (size < 0 || mtime < 0 || mode < 0)
        return say(r, -EINVAL, "malformed number in a header", NULL, NULL);
    if (type == 'x' || type == 'g') {
        if (!(e = get_meta(r, size, &tmp, "pax extended header")))
            e = pax(r, tmp, size, type == 'g');
        free(tmp);
        return e ? e : 1;
    }
    if (type == 'L' || type == 'K') {
        char **dst = type == 'L' ? &r->long_name : &r->long_link;
        if ((e = get_meta(r, size, &tmp, "GNU long name")))
            return e;
        free(*dst);
        *dst = tmp;
        return 1;
    }
    if (r->pax_size >= 0)
        size = r->pax_size;
    if (r->pax_mtime >= 0)
        mtime = r->pax_mtime;
    else if (mtime > INT64_MAX / 1000000000)
        return say(r, -EINVAL, "mtime out of range", NULL, NULL);
    else
        mtime *= 1000000000;
    mode &= 07777;
    if (r->long_name) {
        name = r->long_name;
        nlen = strlen(name);
    } else if (!memcmp(h + 257, "ustar\0", 6) && h[345]) {
        size_t pl = flen(h + 345, 155); /* POSIX prefix "/" name */
        if (!(tmp = malloc(pl + nlen + 2)))
            return -ENOMEM;
        memcpy(tmp, h + 345, pl);
        tmp[pl] = '/';
        memcpy(tmp + pl + 1, h, nlen);
        name = tmp;
        nlen += pl + 1;
    }
    if ((type == '0' || !type) && nlen && name[nlen - 1] == '/')
        type = '5'; /* an old-style directory: a file named "dir/" */
    e = clean(r, name, nlen, r->path);
    if (e < 0) {
        char shown[120];
        size_t n = nlen < sizeof shown - 1 ? nlen : sizeof shown - 1;
        memcpy(shown, name, n);
        shown[n] = 0;
        free(tmp);
        return say(r, e, shown,
                   e == -EPERM ? ": a name with \"..\": it would climb out "
                                 "of the import directory"
                   : e == -EINVAL ? ": NUL byte in the name"
                                  : ": name too long", NULL);
    }
    free(tmp);
    for (k = kinds; *k && *k != type; k += strlen(k) + 1)
        ;
    if (type && type != '0' && type != '7' && type != '5' && type != '2' &&
        type != '1') {
        char what[4] = {'\'', type, '\'', 0};
        return say(r, -ENOTSUP, e ? rel(r) : "(the root)",
                   ": unsupported entry type ", *k ? k + 1 : what);
    }
    if (r->sparse) /* PAX sparse formats: refused, not read as a file */
        return say(r, -ENOTSUP, e ? rel(r) : "(the root)",
                   ": unsupported entry type ", "sparse file (GNU.sparse)");
    if (!e) /* "./": dest itself, which stays as it is */
        return type == '5' || type == '1' || type == '2'
                   ? 0 : (e = skip(r, size)) ? e : pad(r, size);
    if ((e = parents(r, r->path)))
        return e;
    if ((e = room(r, type == '5')) < 0)
        return e;
    if (type == '5') {
        struct made *m;
        if (!e && (e = mkdir_made(r, r->path)))
            return e;
        if ((m = made(r, r->path))) { /* an existing one keeps its own */
            m->mode = (uint32_t)mode | VFS_S_IFDIR;
            m->mtime = mtime;
        }
        return 0;
    }
    if (type == '1' || type == '2')
        return r->long_link
                   ? link_entry(r, type, r->long_link, strlen(r->long_link),
                                mtime)
                   : link_entry(r, type, (const char *)h + 157,
                                flen(h + 157, 100), mtime);
    return (e = file(r, size, (uint32_t)mode, mtime)) ? e : pad(r, size);
}

/* ---- the whole archive ------------------------------------------------ */

/* Makes dest (an absolute path, in r->path) and its missing parents,
 * recorded: 0755 when the import succeeds. */
static int make_dest(struct rd *r)
{
    size_t i;
    struct vfs_stat st;
    int e = 0;
    for (i = 1; i <= r->dl && !e; i++) {
        if (i < r->dl && r->path[i] != '/')
            continue;
        r->path[i] = 0;
        e = vfs_fstatat(r->fs, VFS_AT_ROOT, r->path, &st, 0);
        if (e == -ENOENT)
            e = mkdir_made(r, r->path);
        else if (!e && (st.mode & VFS_S_IFMT) != VFS_S_IFDIR)
            e = say(r, -ENOTDIR, r->path, ": not a directory", NULL);
        r->path[i] = i < r->dl ? '/' : 0;
    }
    return e;
}

/* Forgets the pending pax and GNU values. */
static void pending_clear(struct rd *r)
{
    free(r->long_name);
    free(r->long_link);
    r->long_name = r->long_link = NULL;
    r->pax_size = r->pax_mtime = -1;
    r->sparse = 0;
}

/* Reads the archive's blocks until its end marker. Returns the number of
 * entries or an error. */
static int64_t entries(struct rd *r)
{
    int64_t count = 0;
    int zeros = 0, e;
    for (;;) {
        ptrdiff_t k = wasi_io_read_full(r->in, r->hdr, BLOCK);
        size_t i;
        if (k < 0)
            return say(r, __wasi_vfs_io_error((int)k),
                       "cannot read the archive: ", wasi_io_strerror((int)k),
                       NULL);
        if (k < BLOCK)
            return say(r, -EIO,
                       !count && !zeros ? k ? "not a tar archive: fewer than "
                                              "512 bytes"
                                            : "empty stream: no tar archive"
                       : k ? "truncated archive: the stream ended inside a "
                             "header"
                           : "truncated archive: no end-of-archive marker",
                       NULL, NULL);
        for (i = 0; i < BLOCK && !r->hdr[i]; i++)
            ;
        if (i == BLOCK) {
            if (++zeros == 2)
                break;
            continue;
        }
        if (zeros)
            return say(r, -EINVAL, "a lone zero block inside the archive",
                       NULL, NULL);
        if ((e = entry(r)) < 0)
            return e;
        if (!e) {
            pending_clear(r);
            count++;
        }
    }
    if (r->long_name || r->long_link || r->pax_size >= 0 || r->sparse)
        return say(r, -EIO, "truncated archive: an extended header with no "
                            "entry after it", NULL, NULL);
    return count;
}

int64_t __wasi_vfs_tar_read(struct vfs *fs, wasi_io_input *in, const char *dest,
                            char *why, size_t whysize)
{
    struct rd *r = malloc(sizeof *r);
    struct made *m;
    int64_t n;
    int e;

    if (why && whysize)
        why[0] = 0;
    if (r)
        memset(r, 0, sizeof *r); /* not calloc, which nothing else needs */
    if (!r || !(r->buf = malloc(CHUNK))) {
        free(r);
        return -ENOMEM;
    }
    r->fs = fs;
    r->in = in;
    r->why = why;
    r->whysize = whysize;
    r->pax_size = r->pax_mtime = -1;
    e = clean(r, dest, strlen(dest), r->path);
    r->dl = e > 0 ? (size_t)e : 0;
    n = dest[0] != '/' ? say(r, -EINVAL, dest, ": not an absolute path", NULL)
        : e < 0        ? say(r, e, dest, ": not a usable path", NULL)
                       : make_dest(r);
    if (!n)
        n = entries(r);
    if (n < 0 && why && whysize && !why[0])
        say(r, (int)n, r->path[0] ? rel(r) : dest, NULL, NULL);
    for (m = r->last; m; m = r->last) {
        if (n < 0) { /* undo */
            vfs_unlinkat(fs, VFS_AT_ROOT, m->path,
                         m->dir ? VFS_AT_REMOVEDIR : 0);
        } else if (m->dir) { /* deepest first: the newest record first */
            struct timespec ts[2];
            if (m->mode) {
                to_ts(ts, m->mtime);
                vfs_utimensat(fs, VFS_AT_ROOT, m->path, ts, 0);
            }
            vfs_fchmodat(fs, VFS_AT_ROOT, m->path,
                         m->mode ? m->mode & 07777 : 0755, 0);
        }
        r->last = m->prev;
        free(m);
    }
    pending_clear(r);
    free(r->buf);
    free(r);
    return n;
}
