/* stat.c - vfs_fstat and vfs_fstatat. */
#include "vfs_impl.h"

/* Nanoseconds to a timespec whose tv_nsec is 0 .. 999999999. Not inlined:
 * the 64-bit division is code worth having once. */
static __attribute__((noinline)) void to_ts(int64_t ns, struct timespec *ts)
{
    int64_t s = ns / 1000000000, r = ns % 1000000000;
    if (r < 0) {
        r += 1000000000;
        s--;
    }
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = (long)r;
}

static void fill(struct vfs *fs, const struct vfs_node *n,
                 struct vfs_stat *st)
{
    vfs__settle(fs, n);
    memset(st, 0, sizeof *st);
    st->dev = 1;
    st->ino = n->ino;
    st->mode = n->mode;
    st->nlink = n->nlink ? n->nlink : VFS__ISFIFO(n->mode);
    if (VFS__ISCHR(n->mode))
        st->rdev = n->u.dev.rdev;
    if (VFS__ISREG(n->mode) || VFS__ISLNK(n->mode))
        st->size = n->size;
    if (VFS__ISREG(n->mode))
        st->blocks = (n->u.file.held + 511) / 512;
    st->blksize = VFS__BLOCK;
    st->flags =
        VFS__ISDIR(n->mode) && n->u.dir.moved ? VFS_ST_MOVED : 0;
    to_ts(n->atime, &st->atime);
    to_ts(n->mtime, &st->mtime);
    to_ts(n->ctime, &st->ctime);
}

int vfs_fstat(struct vfs *fs, int fd, struct vfs_stat *st)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f)
        return -EBADF;
    fill(fs, f->node, st);
    return 0;
}

int vfs_fstatat(struct vfs *fs, int dirfd, const char *path,
                struct vfs_stat *st, int flags)
{
    struct vfs__walk w;
    int r;
    r = vfs__lookup_at(fs, dirfd, path, flags, VFS_AT_SYMLINK_NOFOLLOW, &w);
    if (!r)
        fill(fs, w.node, st);
    return r;
}
