/*
 * compare.c - result buffers, the normalizations that encode the intended
 * differences (README.md lists them), comparison and divergence reports.
 */
#define _POSIX_C_SOURCE 200809L
#include "diff.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"

void diff_res_clear(struct diff_result *r)
{
    r->ret = 0;
    r->len = 0;
}

void diff_res_append(struct diff_result *r, const void *p, size_t n)
{
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap : 256;
        while (cap < r->len + n)
            cap *= 2;
        r->data = realloc(r->data, cap);
        if (!r->data)
            abort();
        r->cap = cap;
    }
    memcpy(r->data + r->len, p, n);
    r->len += n;
}

void diff_res_free(struct diff_result *r)
{
    free(r->data);
    r->data = NULL;
    r->len = r->cap = 0;
}

int64_t diff_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void diff_path_push(struct diff_path *pa, const char *name, size_t n)
{
    if (pa->len + n + 2 > pa->cap) {
        pa->cap = (pa->len + n + 2) * 2;
        pa->p = realloc(pa->p, pa->cap);
        if (!pa->p)
            abort();
    }
    if (pa->len && pa->p[pa->len - 1] != '/')
        pa->p[pa->len++] = '/';
    memcpy(pa->p + pa->len, name, n);
    pa->len += n;
    pa->p[pa->len] = 0;
}

/* Intended differences 1 and 2 (README.md): a directory's st_size is not
 * compared; timestamps set by the clock (not by utimensat with explicit
 * values, which are all years away from now) are compared only as
 * "recent", since the two sides read the clock at different moments. */
void diff_norm_stat(struct diff_stat *st)
{
    const int64_t hour = (int64_t)3600 * 1000000000;
    int64_t now = diff_now_ns();
    if ((st->mode & VFS_S_IFMT) == VFS_S_IFDIR)
        st->size = 0;
    if (st->mtime > now - hour && st->mtime < now + hour)
        st->mtime = DIFF_RECENT;
    if (st->ctime > now - hour && st->ctime < now + hour)
        st->ctime = DIFF_RECENT;
}

char diff_type_letter(uint32_t mode)
{
    switch (mode & VFS_S_IFMT) {
    case VFS_S_IFREG: return 'f';
    case VFS_S_IFDIR: return 'd';
    case VFS_S_IFLNK: return 'l';
    case VFS_S_IFCHR: return 'c';
    case VFS_S_IFIFO: return 'p';
    case VFS_S_IFSOCK: return 's';
    default: return '?';
    }
}

unsigned char diff_pattern(unsigned seed, size_t i)
{
    return (unsigned char)(seed * 131u + i * 7u + (i >> 8) + (i >> 16));
}

uint64_t diff_hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    while (n--)
        h = (h ^ *s++) * 1099511628211ull;
    return h;
}

static void fmt_time(char *buf, size_t size, int64_t t)
{
    if (t == DIFF_RECENT)
        snprintf(buf, size, "now");
    else
        snprintf(buf, size, "%" PRId64, t);
}

void diff_tree_line(struct diff_result *r, const char *path, char type,
                    const struct diff_stat *st, const char *extra,
                    size_t extralen)
{
    char head[256], mt[32], ct[32];
    int n;
    diff_res_append(r, path, strlen(path));
    if (st) {
        fmt_time(mt, sizeof mt, st->mtime);
        fmt_time(ct, sizeof ct, st->ctime);
        n = snprintf(head, sizeof head,
                     " %c mode=%06o nlink=%u size=%" PRId64
                     " mtime=%s ctime=%s ",
                     type, (unsigned)st->mode, (unsigned)st->nlink,
                     st->size, mt, ct);
    } else {
        n = snprintf(head, sizeof head, " %c ", type);
    }
    diff_res_append(r, head, (size_t)n);
    diff_res_append(r, extra, extralen);
    diff_res_append(r, "\n", 1);
}

static int entry_cmp(const void *a, const void *b)
{
    const char *const *x = a, *const *y = b;
    return strcmp(*x + 1, *y + 1);
}

void diff_sort_listing(struct diff_result *r)
{
    size_t n = 0, i, k;
    char **v, *copy;
    for (i = 0; i < r->len; i += strlen((char *)r->data + i) + 1)
        n++;
    if (n < 2)
        return;
    v = malloc(n * sizeof *v);
    copy = malloc(r->len);
    if (!v || !copy)
        abort();
    memcpy(copy, r->data, r->len);
    for (i = k = 0; i < r->len; i += strlen(copy + i) + 1)
        v[k++] = copy + i;
    qsort(v, n, sizeof *v, entry_cmp);
    for (i = k = 0; k < n; k++) {
        size_t l = strlen(v[k]) + 1;
        memcpy(r->data + i, v[k], l);
        i += l;
    }
    free(v);
    free(copy);
}

/* ---- reports ------------------------------------------------------------ */

static const char *const names[OP_NKINDS] = {
    "open", "close", "read", "write", "pread", "pwrite", "lseek",
    "truncate", "ftruncate", "dup", "dup2", "dup3", "dupfd", "mkdir",
    "rmdir", "unlink", "rename", "link", "symlink", "readlink", "stat",
    "lstat", "fstat", "readdir", "chmod", "fchmod", "utimensat", "access",
    "chdir", "fchdir", "umask", "atflags", "reset", "tree"};

/* Prints a path with runs of one byte longer than 8 shortened to c{n}. */
static void print_path(const char *p)
{
    putc('"', stderr);
    while (*p) {
        size_t n = 1;
        while (p[n] == *p)
            n++;
        if (n > 8)
            fprintf(stderr, "%c{%zu}", *p, n);
        else
            fprintf(stderr, "%.*s", (int)n, p);
        p += n;
    }
    putc('"', stderr);
}

static void print_dirfd(int d)
{
    if (d == DIFF_FD_CWD)
        fprintf(stderr, "cwd:");
    else
        fprintf(stderr, "fd%d:", d);
}

void diff_print_op(const struct diff_op *op, int index)
{
    int paths = op->path[0] || op->path2[0] ||
                op->kind == OP_OPEN || op->kind == OP_TRUNCATE ||
                (op->kind >= OP_MKDIR && op->kind <= OP_LSTAT) ||
                op->kind == OP_CHMOD || op->kind == OP_UTIMENSAT ||
                op->kind == OP_ACCESS || op->kind == OP_CHDIR;
    fprintf(stderr, "  #%d %s", index, names[op->kind]);
    if (paths) {
        fputc(' ', stderr);
        if (op->kind != OP_SYMLINK && op->kind != OP_TRUNCATE &&
            op->kind != OP_CHDIR)
            print_dirfd(op->dirfd);
        print_path(op->path);
    }
    if (op->kind == OP_RENAME || op->kind == OP_LINK ||
        op->kind == OP_SYMLINK) {
        fputc(' ', stderr);
        print_dirfd(op->dirfd2);
        print_path(op->path2);
    }
    if (!paths)
        fprintf(stderr, " fd=%d fd2=%d", op->fd, op->fd2);
    fprintf(stderr, " flags=%#x mode=%#o off=%" PRId64 " len=%" PRId64,
            (unsigned)op->flags, (unsigned)op->mode, op->off, op->len);
    if (op->kind == OP_UTIMENSAT) {
        if (op->times_null)
            fprintf(stderr, " times=NULL");
        else
            fprintf(stderr, " times={%lld.%09ld, %lld.%09ld}",
                    (long long)op->ts[0].tv_sec, op->ts[0].tv_nsec,
                    (long long)op->ts[1].tv_sec, op->ts[1].tv_nsec);
    }
    fputc('\n', stderr);
}

static void print_result(const char *side, const struct diff_op *op,
                         const struct diff_result *r)
{
    fprintf(stderr, "  %s: ret=%" PRId64, side, r->ret);
    if (r->ret < 0)
        fprintf(stderr, " (%s)", strerror((int)-r->ret));
    if ((op->kind == OP_STAT || op->kind == OP_LSTAT ||
         op->kind == OP_FSTAT) && r->len == sizeof(struct diff_stat)) {
        struct diff_stat st;
        memcpy(&st, r->data, sizeof st);
        fprintf(stderr, " mode=%06o nlink=%u size=%" PRId64
                        " mtime=%" PRId64 " ctime=%" PRId64,
                (unsigned)st.mode, (unsigned)st.nlink, st.size, st.mtime,
                st.ctime);
    } else if (op->kind == OP_TREE || op->kind == OP_READDIR) {
        size_t i;
        fprintf(stderr, "\n");
        for (i = 0; i < r->len; i++)
            fputc(r->data[i] ? r->data[i] : '\n', stderr);
    } else if (r->len) {
        fprintf(stderr, " data[%zu]", r->len);
    }
    fputc('\n', stderr);
}

int diff_compare(const struct diff_op *prog, int n, int at,
                 const struct diff_result *v, const struct diff_result *l)
{
    int i;
    if (v->ret == l->ret && v->len == l->len &&
        (!v->len || !memcmp(v->data, l->data, v->len)))
        return 0;
    fprintf(stderr, "vfs_diff: DIVERGENCE at operation #%d\nprogram:\n",
            at);
    for (i = 0; i < n && i <= at; i++)
        diff_print_op(&prog[i], i);
    fprintf(stderr, "results:\n");
    print_result("vfs  ", &prog[at], v);
    print_result("linux", &prog[at], l);
    return -1;
}
