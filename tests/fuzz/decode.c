/*
 * decode.c - turns fuzzer input bytes into a program of operations.
 *
 * Format (make_corpus.py writes the same): a sequence of operations, each
 * an opcode byte (kind = byte % OP_RESET) followed by the argument bytes
 * its kind reads, in this order:
 *   path  = h [fd if h>>6 == 3] comp*   (see gen_path)
 *   fd    = b % 17, 16 meaning -1 (never open)
 *   len, off, mode = an index into a table below (b % 16)
 * Missing bytes read as 0, so every input decodes.
 */
#include "diff.h"

#include <string.h>

#include "vfs.h"

struct rd {
    const uint8_t *p;
    size_t n;
};

static unsigned next(struct rd *r)
{
    if (!r->n)
        return 0;
    r->n--;
    return *r->p++;
}

static const int64_t lens[16] = {0,    1,    2,    5,     16,    17,
                                 100,  4095, 4096, 4097,  8192,  10000,
                                 65536, 65539, 3,  7};
static const int64_t offs[16] = {0,    1,     2,     3,      12,     100,
                                 4095, 4096,  4097,  5000,   8192,   65535,
                                 65536, 100000, 1048575, -1};
static const uint32_t modes[16] = {0644, 0600, 0755, 0700, 0,    0400,
                                   0200, 0100, 0500, 0300, 0777, 01777,
                                   0444, 0111, 04755, 02755};
static const int64_t linkbufs[4] = {0, 1, 3, 4096};
static const struct timespec times[8] = {
    {0, VFS_UTIME_NOW}, {0, VFS_UTIME_OMIT}, {0, 0}, {1, 500000000},
    {1000000000, 123}, {-101, 750000000}, {4000000000, 0},
    {5, 1000000000} /* invalid tv_nsec */};

/* Component alphabet: short names (a, b, c more often), ".", "..", an
 * empty component (a doubled slash), a 255-byte name, a 256-byte one (too
 * long), and a run of fifteen 255-byte names for paths near
 * VFS_PATH_MAX. */
static void comp(unsigned c, char *buf, size_t *len)
{
    static const char *const shortc[16] = {
        "a", "b", "c", "d", ".", "..", NULL, NULL,
        "",  "f", "b", "..", "e", NULL, "a", "s"};
    size_t k, i;
    c &= 15;
    if (shortc[c]) {
        k = strlen(shortc[c]);
        memcpy(buf + *len, shortc[c], k);
        *len += k;
    } else if (c == 6 || c == 7) {
        k = c == 6 ? 255 : 256;
        memset(buf + *len, c == 6 ? 'l' : 'm', k);
        *len += k;
    } else {
        for (i = 0; i < 15; i++) {
            if (i)
                buf[(*len)++] = '/';
            memset(buf + *len, 'l', 255);
            *len += 255;
        }
    }
}

/*
 * h: bit 0 absolute; bits 1-2 trailing slashes (0-1 none, 2 "/", 3 "//");
 * bits 3-5 number of components; bits 6-7 == 3: relative to the descriptor
 * in the next byte instead of the current directory. Components stop before
 * the path would outgrow the buffer.
 */
static void gen_path(struct rd *r, char *buf, int *dirfd, int with_base)
{
    unsigned h = next(r), n = (h >> 3) & 7, i, t = (h >> 1) & 3;
    size_t len = 0;

    if (dirfd) {
        *dirfd = DIFF_FD_CWD;
        if ((h >> 6) == 3) {
            unsigned b = next(r) % 17;
            if (with_base)
                *dirfd = b == 16 ? -1 : (int)b;
        }
    }
    if (h & 1)
        buf[len++] = '/';
    for (i = 0; i < n; i++) {
        unsigned c = next(r);
        if (len + 4200 > DIFF_PATH_BUF)
            break;
        if (i)
            buf[len++] = '/';
        comp(c, buf, &len);
    }
    if (t >= 2 && len + 2 < DIFF_PATH_BUF) {
        buf[len++] = '/';
        if (t == 3)
            buf[len++] = '/';
    }
    buf[len] = 0;
}

static int gen_fd(struct rd *r)
{
    unsigned b = next(r) % 17;
    return b == 16 ? -1 : (int)b;
}

static int open_flags(unsigned f)
{
    static const int acc[4] = {VFS_O_RDONLY, VFS_O_WRONLY, VFS_O_RDWR,
                               VFS_O_PATH};
    int fl = acc[f & 3];
    if (f & 4)
        fl |= VFS_O_CREAT;
    if (f & 8)
        fl |= VFS_O_EXCL;
    if (f & 16)
        fl |= VFS_O_TRUNC;
    if (f & 32)
        fl |= VFS_O_APPEND;
    if (f & 64)
        fl |= VFS_O_DIRECTORY;
    if (f & 128)
        fl |= VFS_O_NOFOLLOW;
    return fl;
}

/* The arguments of op->kind. */
static void decode_args(struct rd *r, struct diff_op *op)
{
    unsigned b;
    switch (op->kind) {
    case OP_OPEN:
        gen_path(r, op->path, &op->dirfd, 1);
        op->flags = open_flags(next(r));
        op->mode = modes[next(r) & 15];
        break;
    case OP_CLOSE: case OP_DUP: case OP_FSTAT: case OP_READDIR:
    case OP_FCHDIR:
        op->fd = gen_fd(r);
        break;
    case OP_READ:
        op->fd = gen_fd(r);
        op->len = lens[next(r) & 15];
        break;
    case OP_WRITE:
        op->fd = gen_fd(r);
        op->len = lens[next(r) & 15];
        op->seed = next(r);
        break;
    case OP_PREAD:
        op->fd = gen_fd(r);
        op->len = lens[next(r) & 15];
        op->off = offs[next(r) & 15];
        break;
    case OP_PWRITE:
        op->fd = gen_fd(r);
        op->len = lens[next(r) & 15];
        op->off = offs[next(r) & 15];
        op->seed = next(r);
        break;
    case OP_LSEEK:
        op->fd = gen_fd(r);
        op->off = offs[next(r) & 15];
        b = next(r) & 3;
        op->flags = b == 3 ? 9 : (int)b; /* 9: no such whence */
        break;
    case OP_TRUNCATE: /* truncate(2) has no *at form: cwd only */
        gen_path(r, op->path, &op->dirfd, 0);
        op->off = offs[next(r) & 15];
        break;
    case OP_FTRUNCATE:
        op->fd = gen_fd(r);
        op->off = offs[next(r) & 15];
        break;
    case OP_DUP2: case OP_DUPFD:
        op->fd = gen_fd(r);
        op->fd2 = gen_fd(r);
        break;
    case OP_DUP3:
        op->fd = gen_fd(r);
        op->fd2 = gen_fd(r);
        b = next(r);
        op->flags = (b & 1 ? VFS_O_CLOEXEC : 0) | (b & 2 ? VFS_O_APPEND : 0);
        break;
    case OP_MKDIR:
        gen_path(r, op->path, &op->dirfd, 1);
        op->mode = modes[next(r) & 15];
        break;
    case OP_RMDIR: case OP_UNLINK: case OP_STAT: case OP_LSTAT:
        gen_path(r, op->path, &op->dirfd, 1);
        break;
    case OP_RENAME: case OP_LINK:
        gen_path(r, op->path, &op->dirfd, 1);
        gen_path(r, op->path2, &op->dirfd2, 1);
        if (op->kind == OP_LINK && (next(r) & 1))
            op->flags = VFS_AT_SYMLINK_FOLLOW;
        break;
    case OP_SYMLINK: /* path is the target, stored verbatim */
        gen_path(r, op->path, NULL, 0);
        gen_path(r, op->path2, &op->dirfd2, 1);
        break;
    case OP_READLINK:
        gen_path(r, op->path, &op->dirfd, 1);
        op->len = linkbufs[next(r) & 3];
        break;
    case OP_CHMOD:
        gen_path(r, op->path, &op->dirfd, 1);
        op->mode = modes[next(r) & 15];
        if (next(r) & 1)
            op->flags = VFS_AT_SYMLINK_NOFOLLOW;
        break;
    case OP_FCHMOD:
        op->fd = gen_fd(r);
        op->mode = modes[next(r) & 15];
        break;
    case OP_UTIMENSAT:
        gen_path(r, op->path, &op->dirfd, 1);
        b = next(r);
        op->times_null = b & 1;
        op->flags = b & 2 ? VFS_AT_SYMLINK_NOFOLLOW : 0;
        b = next(r);
        op->ts[0] = times[b & 7];
        op->ts[1] = times[(b >> 4) & 7];
        break;
    case OP_ACCESS:
        gen_path(r, op->path, &op->dirfd, 1);
        b = next(r);
        op->mode = b & 8 ? 8 : b & 7; /* 8: no such mode */
        op->flags = b & 16 ? VFS_AT_SYMLINK_NOFOLLOW : 0;
        break;
    case OP_CHDIR: /* chdir(2) has no *at form */
        gen_path(r, op->path, &op->dirfd, 0);
        break;
    case OP_UMASK:
        op->mode = modes[next(r) & 15] & 0777;
        break;
    }
}

/*
 * OP_ATFLAGS: a selector byte picks unlinkat, linkat, fstatat, utimensat,
 * fchmodat or faccessat; then its arguments as for that kind; then a byte
 * whose bits add flags it may not take: 1 AT_SYMLINK_NOFOLLOW, 2
 * AT_REMOVEDIR, 4 AT_SYMLINK_FOLLOW, 8 AT_EACCESS, 16 DIFF_AT_UNKNOWN.
 * AT_EACCESS goes to faccessat only and AT_REMOVEDIR to the others:
 * Linux gives the two the same value.
 */
static void decode_atflags(struct rd *r, struct diff_op *op)
{
    static const int kinds[6] = {OP_UNLINK, OP_LINK,  OP_STAT,
                                 OP_UTIMENSAT, OP_CHMOD, OP_ACCESS};
    unsigned b;
    op->kind = kinds[next(r) % 6];
    decode_args(r, op);
    b = next(r);
    op->flags |= (b & 1 ? VFS_AT_SYMLINK_NOFOLLOW : 0) |
                 (b & 4 ? VFS_AT_SYMLINK_FOLLOW : 0) |
                 (b & 16 ? DIFF_AT_UNKNOWN : 0);
    if (op->kind == OP_ACCESS)
        op->flags |= b & 8 ? VFS_AT_EACCESS : 0;
    else
        op->flags |= b & 2 ? VFS_AT_REMOVEDIR : 0;
}

static void decode_one(struct rd *r, struct diff_op *op)
{
    memset(op, 0, offsetof(struct diff_op, path));
    op->path[0] = op->path2[0] = 0;
    op->kind = (int)(next(r) % OP_RESET);
    op->fd = op->fd2 = -1;
    op->dirfd = op->dirfd2 = DIFF_FD_CWD;
    if (op->kind == OP_ATFLAGS)
        decode_atflags(r, op);
    else
        decode_args(r, op);
}

int diff_decode(const uint8_t *data, size_t size, struct diff_op *prog,
                int max)
{
    struct rd r;
    int n = 0;
    r.p = data;
    r.n = size;
    while (r.n && n < max)
        decode_one(&r, &prog[n++]);
    return n;
}

int diff_makes_fd(const struct diff_op *op)
{
    switch (op->kind) {
    case OP_OPEN: case OP_DUP: case OP_DUPFD:
        return 1;
    case OP_DUP2: case OP_DUP3: /* a new number unless fd2 is open */
        return 1;
    default:
        return 0;
    }
}
