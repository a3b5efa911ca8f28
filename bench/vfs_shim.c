/*
 * vfs_shim.c - vfs_shim.h's calls over one vfs core, created on first use
 * with the default configuration and a real-time clock (as the overlay's).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vfs.h>

#include "vfs_shim.h"

static struct vfs *fs;

static int64_t now(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static struct vfs *the_fs(void)
{
    static const struct vfs_config cfg = {.now = now};
    if (!fs && vfs_create(&cfg, &fs))
        abort();
    return fs;
}

static long ret(long r)
{
    if (r < 0) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

int shim_open(const char *path, int flags, ...)
{
    int f = 0;
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
        f |= VFS_O_CREAT;
    }
    f |= (flags & O_ACCMODE) == O_WRONLY ? VFS_O_WRONLY
         : (flags & O_ACCMODE) == O_RDWR ? VFS_O_RDWR : VFS_O_RDONLY;
    if (flags & O_EXCL)
        f |= VFS_O_EXCL;
    if (flags & O_TRUNC)
        f |= VFS_O_TRUNC;
    if (flags & O_APPEND)
        f |= VFS_O_APPEND;
    if (flags & O_DIRECTORY)
        f |= VFS_O_DIRECTORY;
    return (int)ret(vfs_openat(the_fs(), VFS_AT_ROOT, path, f, mode));
}

int shim_close(int fd)
{
    return (int)ret(vfs_close(the_fs(), fd));
}

ssize_t shim_read(int fd, void *buf, size_t len)
{
    return ret(vfs_read(the_fs(), fd, buf, len));
}

ssize_t shim_write(int fd, const void *buf, size_t len)
{
    return ret(vfs_write(the_fs(), fd, buf, len));
}

ssize_t shim_pread(int fd, void *buf, size_t len, off_t off)
{
    return ret(vfs_pread(the_fs(), fd, buf, len, off));
}

ssize_t shim_pwrite(int fd, const void *buf, size_t len, off_t off)
{
    return ret(vfs_pwrite(the_fs(), fd, buf, len, off));
}

int shim_stat(const char *path, struct stat *st)
{
    struct vfs_stat v;
    int r = vfs_fstatat(the_fs(), VFS_AT_ROOT, path, &v, 0);
    if (r < 0)
        return (int)ret(r);
    memset(st, 0, sizeof *st);
    st->st_ino = v.ino;
    st->st_mode = v.mode;
    st->st_nlink = v.nlink;
    st->st_size = v.size;
    return 0;
}

int shim_mkdir(const char *path, mode_t mode)
{
    return (int)ret(vfs_mkdirat(the_fs(), VFS_AT_ROOT, path, mode));
}

int shim_rmdir(const char *path)
{
    return (int)ret(vfs_unlinkat(the_fs(), VFS_AT_ROOT, path,
                                 VFS_AT_REMOVEDIR));
}

int shim_unlink(const char *path)
{
    return (int)ret(vfs_unlinkat(the_fs(), VFS_AT_ROOT, path, 0));
}

int shim_rename(const char *from, const char *to)
{
    return (int)ret(vfs_renameat(the_fs(), VFS_AT_ROOT, from, VFS_AT_ROOT,
                                 to));
}

/* A directory stream: entries are fetched a batch at a time, resuming
 * from the cookie of the last one returned (as wasi-libc's readdir). */
#define BATCH 256
struct __dirstream {
    int fd;
    uint64_t cookie;
    int n, at;
    struct dirent ent[BATCH];
    uint64_t next[BATCH];
};

static int emit(void *ctx, const struct vfs_dirent *e)
{
    DIR *d = ctx;
    struct dirent *de = &d->ent[d->n];
    size_t len = e->namelen < sizeof de->d_name - 1 ? e->namelen
                                                    : sizeof de->d_name - 1;
    de->d_ino = e->ino;
    memcpy(de->d_name, e->name, len);
    de->d_name[len] = 0;
    d->next[d->n++] = e->next;
    return d->n == BATCH;
}

DIR *shim_opendir(const char *path)
{
    DIR *d;
    int fd = vfs_openat(the_fs(), VFS_AT_ROOT, path,
                        VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    if (fd < 0) {
        ret(fd);
        return NULL;
    }
    if (!(d = calloc(1, sizeof *d))) {
        vfs_close(fs, fd);
        return NULL;
    }
    d->fd = fd;
    return d;
}

struct dirent *shim_readdir(DIR *d)
{
    if (d->at == d->n) {
        int r;
        if (d->n && d->n < BATCH)
            return NULL; /* the last batch was short: the end */
        d->n = d->at = 0;
        r = vfs_readdir(fs, d->fd, d->cookie, emit, d);
        if (r < 0 || !d->n) {
            if (r < 0)
                ret(r);
            return NULL;
        }
    }
    d->cookie = d->next[d->at];
    return &d->ent[d->at++];
}

int shim_closedir(DIR *d)
{
    int r = vfs_close(fs, d->fd);
    free(d);
    return (int)ret(r);
}
