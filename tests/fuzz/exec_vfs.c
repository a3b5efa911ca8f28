/*
 * exec_vfs.c - runs operations on vfs/.
 *
 * vfs has no current directory: the harness keeps one as an O_PATH
 * descriptor at CWD (above every descriptor a program can reach) and
 * resolves DIFF_FD_CWD relative paths from it; chdir and fchdir are
 * vfs_chdirat on it, as the libc overlay's are.
 */
#include "diff.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"

#define CWD 1023

static struct vfs *fs;
static unsigned char iobuf[DIFF_IO_MAX];

static int64_t clock_ns(void *ctx)
{
    (void)ctx;
    return diff_now_ns();
}

static int dfd(int d)
{
    return d == DIFF_FD_CWD ? CWD : d;
}

static void must(int r, const char *what)
{
    if (r < 0) {
        fprintf(stderr, "vfs_diff: vfs setup failed: %s: %d\n", what, r);
        abort();
    }
}

/* A fresh filesystem whose root is empty, as the jail's root is. */
static int reset(void)
{
    struct vfs_config cfg;
    int fd;
    vfs_destroy(fs);
    fs = NULL;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_open_files = CWD + 1;
    cfg.now = clock_ns;
    must(vfs_create(&cfg, &fs), "create");
    must(vfs_unlinkat(fs, VFS_AT_ROOT, "/dev/null", 0), "rm null");
    must(vfs_unlinkat(fs, VFS_AT_ROOT, "/dev/zero", 0), "rm zero");
    must(vfs_unlinkat(fs, VFS_AT_ROOT, "/dev", VFS_AT_REMOVEDIR), "rm dev");
    must(vfs_unlinkat(fs, VFS_AT_ROOT, "/tmp", VFS_AT_REMOVEDIR), "rm tmp");
    fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_PATH | VFS_O_DIRECTORY, 0);
    must(fd, "open /");
    must(vfs_dup2(fs, fd, CWD), "cwd");
    must(vfs_close(fs, fd), "close");
    return 0;
}

static int64_t ns_of(struct timespec ts)
{
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static struct diff_stat conv(const struct vfs_stat *st)
{
    struct diff_stat d;
    memset(&d, 0, sizeof d);
    d.mode = st->mode;
    d.nlink = st->nlink;
    d.size = st->size;
    d.mtime = ns_of(st->mtime);
    d.ctime = ns_of(st->ctime);
    diff_norm_stat(&d);
    return d;
}

static int put_stat(struct diff_result *res, int r, const struct vfs_stat *st)
{
    if (r >= 0) {
        struct diff_stat d = conv(st);
        diff_res_append(res, &d, sizeof d);
    }
    return r;
}

static int emit_entry(void *ctx, const struct vfs_dirent *e)
{
    struct diff_result *res = ctx;
    char t = diff_type_letter(e->type);
    diff_res_append(res, &t, 1);
    diff_res_append(res, e->name, e->namelen);
    diff_res_append(res, "", 1);
    return 0;
}

static int readdir_all(int fd, struct diff_result *res)
{
    int r = vfs_readdir(fs, fd, 0, emit_entry, res);
    if (r < 0)
        diff_res_clear(res);
    else
        diff_sort_listing(res);
    return r;
}

/* ---- the tree ----------------------------------------------------------- */

/* Records parent/name, then (directories) its entries in name order. Modes
 * are recorded before the walk grants itself access. */
static void walk(struct diff_result *res, int parent, const char *name,
                 struct diff_path *pa)
{
    struct vfs_stat st;
    struct diff_stat d;
    char extra[4200];
    size_t elen = 0, keep = pa->len;
    int r, fd;

    r = vfs_fstatat(fs, parent, name, &st, VFS_AT_SYMLINK_NOFOLLOW);
    if (r < 0) {
        elen = (size_t)snprintf(extra, sizeof extra, "stat error %d", -r);
        diff_tree_line(res, pa->p, '?', NULL, extra, elen);
        return;
    }
    d = conv(&st);
    if ((st.mode & VFS_S_IFMT) == VFS_S_IFREG) {
        uint64_t h = DIFF_HASH_INIT;
        ssize_t k;
        vfs_fchmodat(fs, parent, name, 0600, 0);
        fd = vfs_openat(fs, parent, name, VFS_O_RDONLY | VFS_O_NOFOLLOW, 0);
        while (fd >= 0 && (k = vfs_read(fs, fd, iobuf, sizeof iobuf)) > 0)
            h = diff_hash(h, iobuf, (size_t)k);
        if (fd >= 0)
            vfs_close(fs, fd);
        elen = (size_t)snprintf(extra, sizeof extra, "%016llx",
                                (unsigned long long)h);
    } else if ((st.mode & VFS_S_IFMT) == VFS_S_IFLNK) {
        ssize_t k = vfs_readlinkat(fs, parent, name, extra, sizeof extra);
        elen = k > 0 ? (size_t)k : 0;
    }
    diff_tree_line(res, pa->p, diff_type_letter(st.mode), &d, extra, elen);
    if ((st.mode & VFS_S_IFMT) == VFS_S_IFDIR) {
        struct diff_result names = {0, NULL, 0, 0};
        size_t i;
        vfs_fchmodat(fs, parent, name, 0700, 0);
        fd = vfs_openat(fs, parent, name,
                        VFS_O_RDONLY | VFS_O_DIRECTORY | VFS_O_NOFOLLOW, 0);
        if (fd < 0 || readdir_all(fd, &names) < 0) {
            elen = (size_t)snprintf(extra, sizeof extra, "list error %d",
                                    fd);
            diff_tree_line(res, pa->p, '?', NULL, extra, elen);
        }
        for (i = 0; i < names.len; i += strlen((char *)names.data + i) + 1) {
            const char *n = (const char *)names.data + i + 1;
            if (!strcmp(n, ".") || !strcmp(n, ".."))
                continue;
            diff_path_push(pa, n, strlen(n));
            walk(res, fd, n, pa);
            pa->len = keep;
            pa->p[keep] = 0;
        }
        diff_res_free(&names);
        if (fd >= 0)
            vfs_close(fs, fd);
    }
}

static int tree(struct diff_result *res)
{
    struct diff_path pa = {NULL, 0, 0};
    diff_path_push(&pa, "/", 1);
    walk(res, VFS_AT_ROOT, "/", &pa);
    free(pa.p);
    return 0;
}

/* ---- operations --------------------------------------------------------- */

static int64_t run(const struct diff_op *op, struct diff_result *res)
{
    struct vfs_stat st;
    int64_t r;
    size_t i;

    switch (op->kind) {
    case OP_RESET:
        return reset();
    case OP_TREE:
        return tree(res);
    case OP_OPEN:
        return vfs_openat(fs, dfd(op->dirfd), op->path, op->flags, op->mode);
    case OP_CLOSE:
        return vfs_close(fs, op->fd);
    case OP_READ:
    case OP_PREAD:
        r = op->kind == OP_READ
                ? vfs_read(fs, op->fd, iobuf, (size_t)op->len)
                : vfs_pread(fs, op->fd, iobuf, (size_t)op->len, op->off);
        if (r > 0)
            diff_res_append(res, iobuf, (size_t)r);
        return r;
    case OP_WRITE:
    case OP_PWRITE:
        for (i = 0; i < (size_t)op->len; i++)
            iobuf[i] = diff_pattern(op->seed, i);
        return op->kind == OP_WRITE
                   ? vfs_write(fs, op->fd, iobuf, (size_t)op->len)
                   : vfs_pwrite(fs, op->fd, iobuf, (size_t)op->len, op->off);
    case OP_LSEEK:
        return vfs_lseek(fs, op->fd, op->off, op->flags);
    case OP_TRUNCATE:
        return vfs_truncateat(fs, dfd(op->dirfd), op->path, op->off);
    case OP_FTRUNCATE:
        return vfs_ftruncate(fs, op->fd, op->off);
    case OP_DUP:
        return vfs_dup(fs, op->fd);
    case OP_DUP2:
        return vfs_dup2(fs, op->fd, op->fd2);
    case OP_DUP3:
        return vfs_dup3(fs, op->fd, op->fd2, op->flags);
    case OP_DUPFD:
        return vfs_dupfd(fs, op->fd, op->fd2, 0);
    case OP_MKDIR:
        return vfs_mkdirat(fs, dfd(op->dirfd), op->path, op->mode);
    case OP_RMDIR:
    case OP_UNLINK:
        return vfs_unlinkat(fs, dfd(op->dirfd), op->path,
                            (op->kind == OP_RMDIR ? VFS_AT_REMOVEDIR : 0) |
                                op->flags);
    case OP_RENAME:
        return vfs_renameat(fs, dfd(op->dirfd), op->path, dfd(op->dirfd2),
                            op->path2);
    case OP_LINK:
        return vfs_linkat(fs, dfd(op->dirfd), op->path, dfd(op->dirfd2),
                          op->path2, op->flags);
    case OP_SYMLINK:
        return vfs_symlinkat(fs, op->path, dfd(op->dirfd2), op->path2);
    case OP_READLINK:
        r = vfs_readlinkat(fs, dfd(op->dirfd), op->path, (char *)iobuf,
                           (size_t)op->len);
        if (r > 0)
            diff_res_append(res, iobuf, (size_t)r);
        return r;
    case OP_STAT:
    case OP_LSTAT:
        return put_stat(res,
                        vfs_fstatat(fs, dfd(op->dirfd), op->path, &st,
                                    (op->kind == OP_LSTAT
                                         ? VFS_AT_SYMLINK_NOFOLLOW : 0) |
                                        op->flags),
                        &st);
    case OP_FSTAT:
        return put_stat(res, vfs_fstat(fs, op->fd, &st), &st);
    case OP_READDIR:
        return readdir_all(op->fd, res);
    case OP_CHMOD:
        return vfs_fchmodat(fs, dfd(op->dirfd), op->path, op->mode,
                            op->flags);
    case OP_FCHMOD:
        return vfs_fchmod(fs, op->fd, op->mode);
    case OP_UTIMENSAT:
        return vfs_utimensat(fs, dfd(op->dirfd), op->path,
                             op->times_null ? NULL : op->ts, op->flags);
    case OP_ACCESS:
        return vfs_faccessat(fs, dfd(op->dirfd), op->path, (int)op->mode,
                             op->flags);
    case OP_CHDIR:
        return vfs_chdirat(fs, CWD, CWD, op->path);
    case OP_FCHDIR:
        return vfs_chdirat(fs, CWD, op->fd, ".");
    case OP_UMASK:
        return vfs_umask(fs, op->mode);
    }
    abort();
}

void diff_exec_vfs(const struct diff_op *op, struct diff_result *res)
{
    diff_res_clear(res);
    res->ret = run(op, res);
}
