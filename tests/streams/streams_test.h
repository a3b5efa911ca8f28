/* streams_test.h - helpers for the native tests of the tar reader and
 * writer and the file image: a tree listing to compare filesystems, and an
 * archive builder for hand-made (and broken) archives. */
#ifndef STREAMS_TEST_H
#define STREAMS_TEST_H

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/check_main.h"
#include "vfs_streams.h"

static int64_t test_now_ns = 1700000000LL * 1000000000;
static inline int64_t test_clock(void *ctx)
{
    (void)ctx;
    return test_now_ns += 1000;
}

static inline struct vfs *mkfs_limit(uint64_t max_bytes)
{
    struct vfs_config cfg;
    struct vfs *fs = NULL;
    memset(&cfg, 0, sizeof cfg);
    cfg.now = test_clock;
    cfg.max_bytes = max_bytes;
    ck_assert_int_eq(vfs_create(&cfg, &fs), 0);
    return fs;
}

static inline struct vfs *mkfs(void)
{
    return mkfs_limit(0);
}

#define CHECK_FS(fs)                                                        \
    do {                                                                    \
        char why_[256] = "";                                                \
        int rc_ = vfs_check((fs), why_, sizeof why_);                       \
        ck_assert_msg(rc_ == 0, "vfs_check: %s", why_);                     \
    } while (0)

/* ---- building trees ---------------------------------------------------- */

static inline void put_file(struct vfs *fs, const char *path,
                            const void *data, size_t n, uint32_t mode)
{
    int fd = vfs_openat(fs, VFS_AT_ROOT, path,
                        VFS_O_WRONLY | VFS_O_CREAT | VFS_O_TRUNC, 0600);
    ck_assert_msg(fd >= 0, "create %s: %d", path, fd);
    EQ(vfs_write(fs, fd, data, n), n);
    EQ(vfs_fchmod(fs, fd, mode), 0);
    EQ(vfs_close(fs, fd), 0);
}

static inline void set_mtime(struct vfs *fs, const char *path, int64_t sec,
                             long nsec)
{
    struct timespec ts[2];
    ts[0].tv_sec = ts[1].tv_sec = (time_t)sec;
    ts[0].tv_nsec = ts[1].tv_nsec = nsec;
    EQ(vfs_utimensat(fs, VFS_AT_ROOT, path, ts, VFS_AT_SYMLINK_NOFOLLOW), 0);
}

/* ---- listing ------------------------------------------------------------ */

struct names {
    char buf[1 << 16];
    size_t len;
};

static inline int names_emit(void *ctx, const struct vfs_dirent *e)
{
    struct names *n = ctx;
    if (e->namelen <= 2 && e->name[0] == '.' &&
        (e->namelen == 1 || e->name[1] == '.'))
        return 0;
    ck_assert_uint_lt(n->len + e->namelen + 1, sizeof n->buf);
    memcpy(n->buf + n->len, e->name, e->namelen);
    n->buf[n->len + e->namelen] = 0;
    n->len += e->namelen + 1;
    return 0;
}

static inline int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends one line per entry under dir (sorted, recursive) to out:
 * "rel mode size mtime.sec [fnv1a of contents | -> target]". with_ns adds
 * the nanoseconds; with_dir_times 0 leaves out directory mtimes. */
static inline void list_tree(struct vfs *fs, const char *dir,
                             const char *rel, char *out, size_t cap,
                             int with_ns, int with_dir_times)
{
    struct names *n = malloc(sizeof *n);
    char *ptr[4096];
    size_t k = 0, i, off;
    int fd;

    n->len = 0;
    fd = vfs_openat(fs, VFS_AT_ROOT, dir, VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    ck_assert_msg(fd >= 0, "open %s: %d", dir, fd);
    EQ(vfs_readdir(fs, fd, 0, names_emit, n), 0);
    EQ(vfs_close(fs, fd), 0);
    for (off = 0; off < n->len; off += strlen(n->buf + off) + 1)
        ptr[k++] = n->buf + off;
    qsort(ptr, k, sizeof ptr[0], cmp_str);
    for (i = 0; i < k; i++) {
        char path[4096], r[4096], line[4400];
        struct vfs_stat st;
        snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "",
                 ptr[i]);
        snprintf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", ptr[i]);
        EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &st, VFS_AT_SYMLINK_NOFOLLOW),
           0);
        snprintf(line, sizeof line, "%s %o %lld", r, st.mode,
                 (long long)((st.mode & VFS_S_IFMT) == VFS_S_IFDIR ? 0
                                                                   : st.size));
        if ((st.mode & VFS_S_IFMT) != VFS_S_IFDIR || with_dir_times)
            snprintf(line + strlen(line), sizeof line - strlen(line),
                     " t%lld", (long long)st.mtime.tv_sec);
        if (with_ns && ((st.mode & VFS_S_IFMT) != VFS_S_IFDIR ||
                        with_dir_times))
            snprintf(line + strlen(line), sizeof line - strlen(line),
                     ".%09ld", st.mtime.tv_nsec);
        if ((st.mode & VFS_S_IFMT) == VFS_S_IFLNK) {
            char t[4096];
            ssize_t m = vfs_readlinkat(fs, VFS_AT_ROOT, path, t, sizeof t);
            snprintf(line + strlen(line), sizeof line - strlen(line),
                     " -> %.*s", (int)m, t);
        } else if ((st.mode & VFS_S_IFMT) == VFS_S_IFREG) {
            uint32_t h = 2166136261u;
            unsigned char b[4096];
            int64_t at = 0;
            ssize_t m;
            int f = vfs_openat(fs, VFS_AT_ROOT, path, VFS_O_RDONLY, 0);
            ck_assert_int_ge(f, 0);
            while ((m = vfs_pread(fs, f, b, sizeof b, at)) > 0) {
                ssize_t j;
                for (j = 0; j < m; j++)
                    h = (h ^ b[j]) * 16777619u;
                at += m;
            }
            EQ(vfs_close(fs, f), 0);
            if (st.size <= 32) { /* small: the bytes themselves */
                char q[40];
                int f2 = vfs_openat(fs, VFS_AT_ROOT, path, VFS_O_RDONLY, 0);
                ssize_t m2 = vfs_read(fs, f2, q, sizeof q);
                ssize_t j;
                EQ(vfs_close(fs, f2), 0);
                strcat(line, " \"");
                for (j = 0; j < m2; j++)
                    snprintf(line + strlen(line), sizeof line - strlen(line),
                             q[j] >= ' ' && q[j] < 127 ? "%c" : "\\x%02x",
                             (unsigned char)q[j]);
                strcat(line, "\"");
            } else {
                snprintf(line + strlen(line), sizeof line - strlen(line),
                         " %08x", h);
            }
        }
        ck_assert_uint_lt(strlen(out) + strlen(line) + 2, cap);
        strcat(out, line);
        strcat(out, "\n");
        if ((st.mode & VFS_S_IFMT) == VFS_S_IFDIR)
            list_tree(fs, path, r, out, cap, with_ns, with_dir_times);
    }
    free(n);
}

/* The listing of dir as a new string (free it). */
static inline char *listing(struct vfs *fs, const char *dir, int with_ns,
                            int with_dir_times)
{
    char *out = calloc(1, 1 << 20);
    list_tree(fs, dir, "", out, 1 << 20, with_ns, with_dir_times);
    return out;
}

#define SAME_TEXT(a, b)                                                     \
    ck_assert_msg(!strcmp((a), (b)), "got:\n%s\nwant:\n%s", (a), (b))

/* ---- hand-made archives ------------------------------------------------- */

struct ar {
    unsigned char *p;
    size_t len, cap;
};

static inline void ar_put(struct ar *a, const void *d, size_t n)
{
    if (a->len + n > a->cap) {
        a->cap = (a->len + n) * 2 + 4096;
        a->p = realloc(a->p, a->cap);
    }
    memcpy(a->p + a->len, d, n);
    a->len += n;
}

static inline void ar_pad(struct ar *a)
{
    static const unsigned char z[512];
    if (a->len % 512)
        ar_put(a, z, 512 - a->len % 512);
}

static inline void oct(unsigned char *p, size_t n, unsigned long long v)
{
    snprintf((char *)p, n, "%0*llo", (int)n - 1, v);
}

/* A ustar header (POSIX magic unless gnu). */
static inline void ar_head(struct ar *a, const char *name, char type,
                           unsigned long long size, unsigned mode,
                           unsigned long long mtime, const char *link,
                           int gnu)
{
    unsigned char h[512];
    unsigned sum = 0;
    int i;
    memset(h, 0, sizeof h);
    strncpy((char *)h, name, 100);
    oct(h + 100, 8, mode);
    oct(h + 108, 8, 0);
    oct(h + 116, 8, 0);
    oct(h + 124, 12, size);
    oct(h + 136, 12, mtime);
    h[156] = (unsigned char)type;
    if (link)
        strncpy((char *)h + 157, link, 100);
    memcpy(h + 257, gnu ? "ustar  " : "ustar\0" "00", 8);
    memset(h + 148, ' ', 8);
    for (i = 0; i < 512; i++)
        sum += h[i];
    snprintf((char *)h + 148, 7, "%06o", sum);
    ar_put(a, h, 512);
}

static inline void ar_file(struct ar *a, const char *name, const char *data,
                           unsigned mode, unsigned long long mtime)
{
    ar_head(a, name, '0', strlen(data), mode, mtime, NULL, 0);
    ar_put(a, data, strlen(data));
    ar_pad(a);
}

/* Appends the pax record "LEN key=value\n" (LEN counting itself). */
static inline void pax_rec(char *out, const char *key, const char *val)
{
    size_t body = strlen(key) + strlen(val) + 3, len = body + 1;
    while (len != body + (size_t)snprintf(NULL, 0, "%zu", len))
        len = body + (size_t)snprintf(NULL, 0, "%zu", len);
    sprintf(out + strlen(out), "%zu %s=%s\n", len, key, val);
}

/* A pax 'x' header holding the records (already formatted). */
static inline void ar_pax(struct ar *a, const char *records)
{
    ar_head(a, "PaxHeader", 'x', strlen(records), 0644, 0, NULL, 0);
    ar_put(a, records, strlen(records));
    ar_pad(a);
}

static inline void ar_end(struct ar *a)
{
    static const unsigned char z[1024];
    ar_put(a, z, 1024);
}

/* Imports the archive into fs at dest; returns what tar_read returned and
 * leaves the explanation in why. */
static inline int64_t import(struct vfs *fs, const struct ar *a,
                             const char *dest, char *why, size_t whysize)
{
    wasi_io_input *in = wasi_io_input_from_bytes(a->p, a->len);
    int64_t r = __wasi_vfs_tar_read(fs, in, dest, why, whysize);
    wasi_io_input_close(in);
    return r;
}

#endif
