/* dup.c - descriptor duplication and per-descriptor flags. */
#include "vfs_impl.h"

static int dupfd_(struct vfs *fs, int fd, int minfd, int cloexec)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    int r;
    if (!f)
        return -EBADF;
    if (minfd < 0 || (uint32_t)minfd >= fs->max_fds)
        return -EINVAL;
    if ((r = vfs__fd_reserve(fs, minfd)) >= 0)
        vfs__fd_set(fs, r, f, cloexec);
    return r;
}

int vfs_dupfd(struct vfs *fs, int fd, int minfd, int cloexec)
{
    VFS__GUARD(fs, int, dupfd_(fs, fd, minfd, cloexec));
}

int vfs_dup(struct vfs *fs, int fd)
{
    return vfs_dupfd(fs, fd, 0, 0);
}

/* Makes newfd a copy of oldfd (open, != newfd), closing newfd first. */
static int dup_to(struct vfs *fs, int oldfd, int newfd, int cloexec)
{
    struct vfs__ofd *f = vfs__ofd(fs, oldfd);
    int r;
    if (!f)
        return -EBADF;
    if (newfd < 0 || (uint32_t)newfd >= fs->max_fds)
        return -EBADF;
    if ((uint32_t)newfd >= fs->nslots &&
        (r = vfs__fd_reserve(fs, newfd)) < 0)
        return r;
    if (fs->slots[newfd].ofd)
        vfs__fd_clear(fs, newfd);
    vfs__fd_set(fs, newfd, f, cloexec);
    return newfd;
}

static int dup2_(struct vfs *fs, int oldfd, int newfd)
{
    if (oldfd == newfd)
        return vfs__ofd(fs, oldfd) ? newfd : -EBADF;
    return dup_to(fs, oldfd, newfd, 0);
}

int vfs_dup2(struct vfs *fs, int oldfd, int newfd)
{
    VFS__GUARD(fs, int, dup2_(fs, oldfd, newfd));
}

static int dup3_(struct vfs *fs, int oldfd, int newfd, int flags)
{
    if ((flags & ~VFS_O_CLOEXEC) || oldfd == newfd)
        return -EINVAL;
    return dup_to(fs, oldfd, newfd, flags);
}

int vfs_dup3(struct vfs *fs, int oldfd, int newfd, int flags)
{
    VFS__GUARD(fs, int, dup3_(fs, oldfd, newfd, flags));
}

int vfs_fd_get_flags(struct vfs *fs, int fd)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    return f ? f->flags : -EBADF;
}

static int set_flags_(struct vfs *fs, int fd, int flags)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    f->flags = (f->flags & ~VFS_O_SETTABLE) | (flags & VFS_O_SETTABLE);
    return 0;
}

int vfs_fd_set_flags(struct vfs *fs, int fd, int flags)
{
    VFS__GUARD(fs, int, set_flags_(fs, fd, flags));
}

int vfs_fd_get_cloexec(struct vfs *fs, int fd)
{
    return vfs__ofd(fs, fd) ? fs->slots[fd].cloexec : -EBADF;
}

int vfs_fd_set_cloexec(struct vfs *fs, int fd, int cloexec)
{
    if (!vfs__ofd(fs, fd))
        return -EBADF;
    fs->slots[fd].cloexec = !!cloexec;
    return 0;
}

int vfs_fd_check(struct vfs *fs, int fd)
{
    return vfs__ofd(fs, fd) ? 0 : -EBADF;
}
