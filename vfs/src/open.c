/* open.c - vfs_openat and vfs_close. */
#include "vfs_impl.h"

#define OPEN_VALID                                                          \
    (VFS_O_ACCMODE | VFS_O_PATH | VFS_O_CREAT | VFS_O_EXCL | VFS_O_TRUNC |  \
     VFS_O_APPEND | VFS_O_DIRECTORY | VFS_O_NOFOLLOW | VFS_O_NONBLOCK |     \
     VFS_O_CLOEXEC)
/* Flags that describe the open itself, not the description. */
#define OPEN_ONLY                                                           \
    (VFS_O_CREAT | VFS_O_EXCL | VFS_O_TRUNC | VFS_O_DIRECTORY |             \
     VFS_O_NOFOLLOW | VFS_O_CLOEXEC)

static int openat_(struct vfs *fs, int dirfd, const char *path, int flags,
                   uint32_t perm)
{
    int acc = flags & VFS_O_ACCMODE, how = 0, want, fd, r;
    struct vfs__walk w;
    struct vfs__ofd *f;
    struct vfs_node *n;

    if ((flags & ~OPEN_VALID) || acc == VFS_O_ACCMODE ||
        ((flags & VFS_O_PATH) && acc))
        return -EINVAL;
    /* As open(2): O_PATH drops the other flags before they are checked. */
    if (flags & VFS_O_PATH)
        flags &= VFS_O_PATH | VFS_O_DIRECTORY | VFS_O_NOFOLLOW | VFS_O_CLOEXEC;
    if ((flags & (VFS_O_CREAT | VFS_O_DIRECTORY)) ==
        (VFS_O_CREAT | VFS_O_DIRECTORY))
        return -EINVAL;
    want = acc == VFS_O_RDONLY ? 4 : acc == VFS_O_WRONLY ? 2 : 6;
    if (flags & VFS_O_TRUNC)
        want |= 2;
    if ((fd = vfs__fd_reserve(fs, 0)) < 0)
        return fd;
    if (flags & VFS_O_CREAT)
        how = VFS__CREATE;
    if (!(flags & VFS_O_NOFOLLOW) &&
        (flags & (VFS_O_CREAT | VFS_O_EXCL)) != (VFS_O_CREAT | VFS_O_EXCL))
        how |= VFS__FOLLOW;
    if ((r = vfs__walk(fs, dirfd, path, how, &w)))
        return r;
    n = w.node;
    if (n) {
        if ((flags & (VFS_O_CREAT | VFS_O_EXCL)) ==
            (VFS_O_CREAT | VFS_O_EXCL))
            return -EEXIST;
        if ((flags & VFS_O_DIRECTORY) && !VFS__ISDIR(n->mode))
            return -ENOTDIR;
        if (VFS__ISLNK(n->mode) && !(flags & VFS_O_PATH))
            return -ELOOP;
        if (!(flags & VFS_O_PATH)) {
            if (VFS__ISDIR(n->mode) && ((want & 2) || (flags & VFS_O_CREAT)))
                return -EISDIR;
            if ((r = vfs__may(n, want)))
                return r;
        }
    } else if (!(flags & VFS_O_CREAT)) {
        return -ENOENT;
    }
    if (!(f = vfs__ofd_alloc(fs)))
        return -ENOMEM;
    if (!n) {
        r = vfs__create(fs, w.dir, w.name, w.namelen,
                        VFS_S_IFREG | (perm & VFS__PERM & ~fs->umask), 0,
                        &vfs__file_ops, &n);
        if (r) {
            vfs__free(fs, f);
            return r;
        }
    } else if ((flags & VFS_O_TRUNC) && VFS__ISREG(n->mode)) {
        vfs__file_empty(fs, n);
        vfs__touch_data(fs, n);
    }
    vfs__ofd_bind(n, f, flags & ~OPEN_ONLY);
    vfs__fd_set(fs, fd, f, flags & VFS_O_CLOEXEC);
    return fd;
}

int vfs_openat(struct vfs *fs, int dirfd, const char *path, int flags,
               uint32_t perm)
{
    VFS__GUARD(fs, int, openat_(fs, dirfd, path, flags, perm));
}

static int close_(struct vfs *fs, int fd)
{
    if (!vfs__ofd(fs, fd))
        return -EBADF;
    vfs__fd_clear(fs, fd);
    return 0;
}

int vfs_close(struct vfs *fs, int fd)
{
    VFS__GUARD(fs, int, close_(fs, fd));
}
