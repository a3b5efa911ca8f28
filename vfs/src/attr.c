/* attr.c - timestamps, permission bits, access checks, umask. */
#include "vfs_impl.h"

static int ts_bad(const struct timespec *ts)
{
    return ts && ((ts->tv_nsec != VFS_UTIME_NOW && ts->tv_nsec != VFS_UTIME_OMIT &&
                   (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)));
}

/* Nanoseconds for ts, saturating at the int64_t range. */
static int64_t to_ns(const struct timespec *ts)
{
    const int64_t lim = INT64_MAX / 1000000000 - 1;
    if (ts->tv_sec > lim)
        return INT64_MAX;
    if (ts->tv_sec < -lim)
        return INT64_MIN;
    return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

/* Both VFS_UTIME_OMIT: as on Linux, the call does nothing and checks
 * nothing, not even the path or descriptor. */
static int both_omit(const struct timespec ts[2])
{
    return ts && ts[0].tv_nsec == VFS_UTIME_OMIT &&
           ts[1].tv_nsec == VFS_UTIME_OMIT;
}

static int set_times(struct vfs *fs, struct vfs_node *n,
                     const struct timespec ts[2])
{
    int64_t now = vfs__now(fs);
    if (!ts || ts[0].tv_nsec != VFS_UTIME_OMIT)
        n->atime = !ts || ts[0].tv_nsec == VFS_UTIME_NOW ? now : to_ns(&ts[0]);
    if (!ts || ts[1].tv_nsec != VFS_UTIME_OMIT)
        n->mtime = !ts || ts[1].tv_nsec == VFS_UTIME_NOW ? now : to_ns(&ts[1]);
    n->ctime = now;
    return 0;
}

static int utimensat_(struct vfs *fs, int dirfd, const char *path,
                      const struct timespec ts[2], int flags)
{
    struct vfs__walk w;
    int r;
    if (both_omit(ts))
        return 0;
    r = vfs__lookup_at(fs, dirfd, path, flags, VFS_AT_SYMLINK_NOFOLLOW, &w);
    if (r)
        return r;
    if (ts && (ts_bad(&ts[0]) || ts_bad(&ts[1])))
        return -EINVAL;
    return set_times(fs, w.node, ts);
}

int vfs_utimensat(struct vfs *fs, int dirfd, const char *path,
                  const struct timespec ts[2], int flags)
{
    VFS__GUARD(fs, int, utimensat_(fs, dirfd, path, ts, flags));
}

static int futimens_(struct vfs *fs, int fd, const struct timespec ts[2])
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (both_omit(ts))
        return 0;
    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    if (ts && (ts_bad(&ts[0]) || ts_bad(&ts[1])))
        return -EINVAL;
    return set_times(fs, f->node, ts);
}

int vfs_futimens(struct vfs *fs, int fd, const struct timespec ts[2])
{
    VFS__GUARD(fs, int, futimens_(fs, fd, ts));
}

static int chmod_node(struct vfs *fs, struct vfs_node *n, uint32_t perm)
{
    if (VFS__ISDIR(n->mode)) /* search permission may change */
        vfs__forget(fs);
    n->mode = (n->mode & VFS_S_IFMT) | (perm & VFS__PERM);
    n->ctime = vfs__now(fs);
    return 0;
}

static int fchmod_(struct vfs *fs, int fd, uint32_t perm)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    return chmod_node(fs, f->node, perm);
}

int vfs_fchmod(struct vfs *fs, int fd, uint32_t perm)
{
    VFS__GUARD(fs, int, fchmod_(fs, fd, perm));
}

static int fchmodat_(struct vfs *fs, int dirfd, const char *path,
                     uint32_t perm, int flags)
{
    struct vfs__walk w;
    int r;
    r = vfs__lookup_at(fs, dirfd, path, flags, VFS_AT_SYMLINK_NOFOLLOW, &w);
    if (r)
        return r;
    if (VFS__ISLNK(w.node->mode))
        return -EOPNOTSUPP;
    return chmod_node(fs, w.node, perm);
}

int vfs_fchmodat(struct vfs *fs, int dirfd, const char *path, uint32_t perm,
                 int flags)
{
    VFS__GUARD(fs, int, fchmodat_(fs, dirfd, path, perm, flags));
}

int vfs_faccessat(struct vfs *fs, int dirfd, const char *path, int amode,
                  int flags)
{
    struct vfs__walk w;
    int r;
    if (amode & ~7)
        return -EINVAL;
    r = vfs__lookup_at(fs, dirfd, path, flags,
                       VFS_AT_EACCESS | VFS_AT_SYMLINK_NOFOLLOW, &w);
    return r ? r : vfs__may(w.node, amode);
}

uint32_t vfs_umask(struct vfs *fs, uint32_t mask)
{
    uint32_t old = fs->umask;
    fs->umask = mask & 0777;
    return old;
}
