/*
 * exec_linux.c - runs operations with the real system calls. Runs inside
 * the jail (jail.c): "/" is the sandbox root, the process has no
 * privileges, and descriptors 0..63 are free for the program.
 */
#define _GNU_SOURCE
#include "diff.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "vfs.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif

struct kdirent {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static unsigned char iobuf[DIFF_IO_MAX];

static int64_t sys(long r)
{
    return r < 0 ? -errno : r;
}

static int ldfd(int d)
{
    return d == DIFF_FD_CWD ? AT_FDCWD : d;
}

static int oflags(int f)
{
    int acc = f & VFS_O_ACCMODE, r;
    r = acc == VFS_O_WRONLY ? O_WRONLY : acc == VFS_O_RDWR ? O_RDWR
                                                           : O_RDONLY;
    if (f & VFS_O_PATH)
        r |= O_PATH;
    if (f & VFS_O_CREAT)
        r |= O_CREAT;
    if (f & VFS_O_EXCL)
        r |= O_EXCL;
    if (f & VFS_O_TRUNC)
        r |= O_TRUNC;
    if (f & VFS_O_APPEND)
        r |= O_APPEND;
    if (f & VFS_O_DIRECTORY)
        r |= O_DIRECTORY;
    if (f & VFS_O_NOFOLLOW)
        r |= O_NOFOLLOW;
    if (f & VFS_O_NONBLOCK)
        r |= O_NONBLOCK;
    if (f & VFS_O_CLOEXEC)
        r |= O_CLOEXEC;
    return r;
}

static int atflags(int f)
{
    return (f & VFS_AT_SYMLINK_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0) |
           (f & VFS_AT_SYMLINK_FOLLOW ? AT_SYMLINK_FOLLOW : 0) |
           (f & VFS_AT_REMOVEDIR ? AT_REMOVEDIR : 0) |
           (f & VFS_AT_EACCESS ? AT_EACCESS : 0) |
           (f & DIFF_AT_UNKNOWN ? 0x10000 : 0); /* no AT_* flag */
}

static struct diff_stat conv(const struct stat *st)
{
    struct diff_stat d;
    memset(&d, 0, sizeof d);
    d.mode = st->st_mode;
    d.nlink = (uint32_t)st->st_nlink;
    d.size = st->st_size;
    d.mtime = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
    d.ctime = (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
    diff_norm_stat(&d);
    return d;
}

static int64_t put_stat(struct diff_result *res, int r, const struct stat *st)
{
    if (r < 0)
        return -errno;
    {
        struct diff_stat d = conv(st);
        diff_res_append(res, &d, sizeof d);
    }
    return 0;
}

static char dtype_letter(unsigned t)
{
    switch (t) {
    case DT_REG: return 'f';
    case DT_DIR: return 'd';
    case DT_LNK: return 'l';
    case DT_CHR: return 'c';
    case DT_FIFO: return 'p';
    case DT_SOCK: return 's';
    case DT_BLK: return 'b';
    default: return '?';
    }
}

/* Appends the entries of the directory open on fd, from its start, in
 * getdents order. Returns 0 or -errno. Moves the offset. */
static int list(int fd, struct diff_result *res)
{
    static char buf[32768];
    if (lseek(fd, 0, SEEK_SET) < 0)
        return -errno;
    for (;;) {
        long n = syscall(SYS_getdents64, fd, buf, sizeof buf), i;
        if (n < 0)
            return -errno;
        if (!n)
            return 0;
        for (i = 0; i < n;) {
            const struct kdirent *e = (const struct kdirent *)(buf + i);
            char t = dtype_letter(e->d_type);
            diff_res_append(res, &t, 1);
            diff_res_append(res, e->d_name, strlen(e->d_name) + 1);
            i += e->d_reclen;
        }
    }
}

/* OP_READDIR: the whole listing, sorted; the offset is left as it was
 * (vfs_readdir is cookie-based and never moves it). */
static int64_t readdir_all(int fd, struct diff_result *res)
{
    off_t cur = lseek(fd, 0, SEEK_CUR);
    int r;
    if (cur < 0)
        return -errno;
    r = list(fd, res);
    lseek(fd, cur, SEEK_SET);
    if (r < 0)
        diff_res_clear(res);
    else
        diff_sort_listing(res);
    return r;
}

/* ---- the tree ----------------------------------------------------------- */

/* As walk() in exec_vfs.c, with the same steps in the same order. */
static void walk(struct diff_result *res, int parent, const char *name,
                 struct diff_path *pa)
{
    struct stat st;
    struct diff_stat d;
    char extra[4200];
    size_t elen = 0, keep = pa->len;
    int fd;

    if (fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
        elen = (size_t)snprintf(extra, sizeof extra, "stat error %d", errno);
        diff_tree_line(res, pa->p, '?', NULL, extra, elen);
        return;
    }
    d = conv(&st);
    if (S_ISREG(st.st_mode)) {
        uint64_t h = DIFF_HASH_INIT;
        ssize_t k;
        fchmodat(parent, name, 0600, 0);
        fd = openat(parent, name, O_RDONLY | O_NOFOLLOW);
        while (fd >= 0 && (k = read(fd, iobuf, sizeof iobuf)) > 0)
            h = diff_hash(h, iobuf, (size_t)k);
        if (fd >= 0)
            close(fd);
        elen = (size_t)snprintf(extra, sizeof extra, "%016llx",
                                (unsigned long long)h);
    } else if (S_ISLNK(st.st_mode)) {
        ssize_t k = readlinkat(parent, name, extra, sizeof extra);
        elen = k > 0 ? (size_t)k : 0;
    }
    diff_tree_line(res, pa->p, diff_type_letter(st.st_mode), &d, extra,
                   elen);
    if (S_ISDIR(st.st_mode)) {
        struct diff_result names = {0, NULL, 0, 0};
        size_t i;
        int r = 0;
        fchmodat(parent, name, 0700, 0);
        fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (fd < 0 || (r = list(fd, &names)) < 0) {
            elen = (size_t)snprintf(extra, sizeof extra, "list error %d",
                                    fd < 0 ? -errno : r);
            diff_tree_line(res, pa->p, '?', NULL, extra, elen);
        } else {
            diff_sort_listing(&names);
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
            close(fd);
    }
}

static int64_t tree(struct diff_result *res)
{
    struct diff_path pa = {NULL, 0, 0};
    diff_path_push(&pa, "/", 1);
    walk(res, AT_FDCWD, "/", &pa);
    free(pa.p);
    return 0;
}

/* Removes everything below the directory open on fd. */
static int wipe_dir(int fd)
{
    struct diff_result names = {0, NULL, 0, 0};
    size_t i;
    int r = list(fd, &names);
    for (i = 0; !r && i < names.len;
         i += strlen((char *)names.data + i) + 1) {
        const char *n = (const char *)names.data + i + 1;
        if (!strcmp(n, ".") || !strcmp(n, ".."))
            continue;
        if (names.data[i] == 'd') {
            int sub;
            fchmodat(fd, n, 0700, 0);
            sub = openat(fd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
            if (sub < 0) {
                r = -errno;
                break;
            }
            r = wipe_dir(sub);
            close(sub);
            if (!r && unlinkat(fd, n, AT_REMOVEDIR) < 0)
                r = -errno;
        } else if (unlinkat(fd, n, 0) < 0) {
            r = -errno;
        }
    }
    diff_res_free(&names);
    return r;
}

int diff_linux_wipe(void)
{
    int fd, r;
    if (chmod("/", 0700) < 0)
        return -errno;
    if ((fd = open("/", O_RDONLY | O_DIRECTORY)) < 0)
        return -errno;
    r = wipe_dir(fd);
    close(fd);
    if (!r && chmod("/", 0755) < 0)
        r = -errno;
    if (r)
        errno = -r;
    return r;
}

static int64_t reset(void)
{
    int fd;
    for (fd = 0; fd < 64; fd++)
        close(fd);
    if (chdir("/") < 0)
        return -errno;
    umask(022);
    if (diff_linux_wipe() < 0 || utimensat(AT_FDCWD, "/", NULL, 0) < 0)
        return -errno;
    return 0;
}

/* ---- operations --------------------------------------------------------- */

static int64_t run(const struct diff_op *op, struct diff_result *res)
{
    struct stat st;
    int64_t r;
    size_t i;

    switch (op->kind) {
    case OP_RESET:
        return reset();
    case OP_TREE:
        return tree(res);
    case OP_OPEN:
        return sys(openat(ldfd(op->dirfd), op->path, oflags(op->flags),
                          (mode_t)op->mode));
    case OP_CLOSE:
        return sys(close(op->fd));
    case OP_READ:
    case OP_PREAD:
        r = sys(op->kind == OP_READ
                    ? read(op->fd, iobuf, (size_t)op->len)
                    : pread(op->fd, iobuf, (size_t)op->len, op->off));
        if (r > 0)
            diff_res_append(res, iobuf, (size_t)r);
        return r;
    case OP_WRITE:
    case OP_PWRITE:
        for (i = 0; i < (size_t)op->len; i++)
            iobuf[i] = diff_pattern(op->seed, i);
        return sys(op->kind == OP_WRITE
                       ? write(op->fd, iobuf, (size_t)op->len)
                       : pwrite(op->fd, iobuf, (size_t)op->len, op->off));
    case OP_LSEEK:
        return sys(lseek(op->fd, op->off, op->flags));
    case OP_TRUNCATE:
        return sys(truncate(op->path, op->off));
    case OP_FTRUNCATE:
        return sys(ftruncate(op->fd, op->off));
    case OP_DUP:
        return sys(dup(op->fd));
    case OP_DUP2:
        return sys(dup2(op->fd, op->fd2));
    case OP_DUP3:
        return sys(dup3(op->fd, op->fd2,
                        (op->flags & VFS_O_CLOEXEC ? O_CLOEXEC : 0) |
                            (op->flags & VFS_O_APPEND ? O_APPEND : 0)));
    case OP_DUPFD:
        return sys(fcntl(op->fd, F_DUPFD, op->fd2));
    case OP_MKDIR:
        return sys(mkdirat(ldfd(op->dirfd), op->path, (mode_t)op->mode));
    case OP_RMDIR:
    case OP_UNLINK:
        return sys(unlinkat(ldfd(op->dirfd), op->path,
                            (op->kind == OP_RMDIR ? AT_REMOVEDIR : 0) |
                                atflags(op->flags)));
    case OP_RENAME:
        return sys(renameat(ldfd(op->dirfd), op->path, ldfd(op->dirfd2),
                            op->path2));
    case OP_LINK:
        return sys(linkat(ldfd(op->dirfd), op->path, ldfd(op->dirfd2),
                          op->path2, atflags(op->flags)));
    case OP_SYMLINK:
        return sys(symlinkat(op->path, ldfd(op->dirfd2), op->path2));
    case OP_READLINK:
        r = sys(readlinkat(ldfd(op->dirfd), op->path, (char *)iobuf,
                           (size_t)op->len));
        if (r > 0)
            diff_res_append(res, iobuf, (size_t)r);
        return r;
    case OP_STAT:
    case OP_LSTAT:
        return put_stat(res,
                        fstatat(ldfd(op->dirfd), op->path, &st,
                                (op->kind == OP_LSTAT ? AT_SYMLINK_NOFOLLOW
                                                      : 0) |
                                    atflags(op->flags)),
                        &st);
    case OP_FSTAT:
        return put_stat(res, fstat(op->fd, &st), &st);
    case OP_READDIR:
        return readdir_all(op->fd, res);
    case OP_CHMOD:
        if (op->flags)
            return sys(syscall(SYS_fchmodat2, ldfd(op->dirfd), op->path,
                               op->mode, atflags(op->flags)));
        return sys(fchmodat(ldfd(op->dirfd), op->path, (mode_t)op->mode, 0));
    case OP_FCHMOD:
        return sys(fchmod(op->fd, (mode_t)op->mode));
    case OP_UTIMENSAT:
        return sys(utimensat(ldfd(op->dirfd), op->path,
                             op->times_null ? NULL : op->ts,
                             atflags(op->flags)));
    case OP_ACCESS:
        return sys(syscall(SYS_faccessat2, ldfd(op->dirfd), op->path,
                           (int)op->mode, atflags(op->flags)));
    case OP_CHDIR:
        return sys(chdir(op->path));
    case OP_FCHDIR:
        return sys(fchdir(op->fd));
    case OP_UMASK:
        return (int64_t)umask((mode_t)op->mode);
    }
    abort();
}

void diff_exec_linux(const struct diff_op *op, struct diff_result *res)
{
    diff_res_clear(res);
    res->ret = run(op, res);
}
