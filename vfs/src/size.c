/* size.c - ftruncate, truncate, fallocate, fsync. */
#include "vfs_impl.h"

/* The description on fd if it is open for writing; NULL otherwise. */
static struct vfs__ofd *writable(const struct vfs *fs, int fd)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    return f && !(f->flags & VFS_O_PATH) &&
                   (f->flags & VFS_O_ACCMODE) != VFS_O_RDONLY
               ? f : NULL;
}

/* As Linux on tmpfs: the set-user-ID bit (and set-group-ID with group
 * execute) always goes; ftruncate marks mtime and ctime even when the size
 * stays (always = 1), truncate by path only when the size changes. */
static int resize(struct vfs *fs, struct vfs_node *n, int64_t length,
                  int always)
{
    int64_t was = n->size;
    int r = vfs__file_truncate(fs, n, length);
    if (!r && (always || length != was))
        vfs__touch_data(fs, n);
    else if (!r)
        vfs__drop_setid(n);
    return r;
}

/* As Linux: -EBADF only when fd is not open (O_PATH counts as not open);
 * a descriptor not open for writing gives -EINVAL. */
static int ftruncate_(struct vfs *fs, int fd, int64_t length)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (length < 0)
        return -EINVAL;
    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    if (!writable(fs, fd) || !VFS__ISREG(f->node->mode))
        return -EINVAL;
    return resize(fs, f->node, length, 1);
}

int vfs_ftruncate(struct vfs *fs, int fd, int64_t length)
{
    VFS__GUARD(fs, int, ftruncate_(fs, fd, length));
}

static int truncateat_(struct vfs *fs, int dirfd, const char *path,
                       int64_t length)
{
    struct vfs__walk w;
    int r;
    if (length < 0)
        return -EINVAL;
    if ((r = vfs__lookup(fs, dirfd, path, VFS__FOLLOW, &w)))
        return r;
    if (VFS__ISDIR(w.node->mode))
        return -EISDIR;
    if (!VFS__ISREG(w.node->mode))
        return -EINVAL;
    if ((r = vfs__may(w.node, 2)))
        return r;
    return resize(fs, w.node, length, 0);
}

int vfs_truncateat(struct vfs *fs, int dirfd, const char *path,
                   int64_t length)
{
    VFS__GUARD(fs, int, truncateat_(fs, dirfd, path, length));
}

/* Space is checked, not reserved: the holes in the range, as whole
 * blocks, and the tree nodes they would need must fit max_bytes. */
static int fallocate_(struct vfs *fs, int fd, int64_t offset, int64_t len)
{
    struct vfs__ofd *f = writable(fs, fd);
    struct vfs_node *n;
    int64_t end;

    if (!f)
        return -EBADF;
    if (offset < 0 || len <= 0)
        return -EINVAL;
    n = f->node;
    if (!VFS__ISREG(n->mode))
        return -ENODEV;
    if (len > VFS__FILE_MAX - offset)
        return -EFBIG;
    end = offset + len;
    if (vfs__budget(fs, vfs__file_missing(&n->u.file,
                                          (uint64_t)offset / VFS__BLOCK,
                                          (uint64_t)(end - 1) / VFS__BLOCK)))
        return -ENOSPC;
    if (end > n->size)
        n->size = end;
    vfs__touch_mc(fs, n);
    return 0;
}

int vfs_fallocate(struct vfs *fs, int fd, int64_t offset, int64_t len)
{
    VFS__GUARD(fs, int, fallocate_(fs, fd, offset, len));
}

int vfs_fsync(struct vfs *fs, int fd)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    return VFS__ISFIFO(f->node->mode) || VFS__ISCHR(f->node->mode)
               ? -EINVAL : 0;
}
