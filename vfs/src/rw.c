/* rw.c - read, write, their vector and positional forms, lseek. */
#include "vfs_impl.h"

#define IOV_MAX 1024
#define AT_OFFSET (-1)  /* pos value: use and advance the description's */

/* Moves data for fd through iov at pos (or the description's offset).
 * Stops at the first short transfer; an error after some bytes moved
 * ends the call with the bytes moved. */
static ssize_t xfer(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                    int cnt, int64_t pos, int wr)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    struct vfs_node *n;
    size_t sum = 0, total = 0;
    int64_t off;
    int i, acc;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    n = f->node;
    acc = f->flags & VFS_O_ACCMODE;
    if (wr ? acc == VFS_O_RDONLY : acc == VFS_O_WRONLY)
        return -EBADF;
    if (VFS__ISDIR(n->mode))
        return -EISDIR;
    if (pos != AT_OFFSET && !VFS__ISREG(n->mode))
        return -ESPIPE;
    if (cnt < 0 || cnt > IOV_MAX)
        return -EINVAL;
    for (i = 0; i < cnt; i++) {
        if (iov[i].len > (SIZE_MAX >> 1) - sum)
            return -EINVAL;
        sum += iov[i].len;
    }
    off = pos == AT_OFFSET ? f->off : pos;
    /* as Linux: a write of nothing does not move an appending offset */
    if (wr && sum && (f->flags & VFS_O_APPEND) && VFS__ISREG(n->mode))
        off = n->size;
    for (i = 0; i < cnt; i++) {
        ssize_t r;
        if (!iov[i].len)
            continue;
        r = wr ? n->ops->write(fs, n, iov[i].base, iov[i].len,
                               off + (int64_t)total)
               : n->ops->read(fs, n, iov[i].base, iov[i].len,
                              off + (int64_t)total);
        if (r < 0) {
            if (total)
                break;
            return r;
        }
        total += (size_t)r;
        if ((size_t)r < iov[i].len)
            break;
    }
    if (VFS__ISREG(n->mode)) {
        if (pos == AT_OFFSET)
            f->off = off + (int64_t)total;
        if (total) {
            vfs__mark(fs, n, wr ? VFS__MARK_MC : VFS__MARK_A);
            if (wr)
                vfs__drop_setid(n);
        }
    }
    return (ssize_t)total;
}

ssize_t vfs_readv(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                  int iovcnt)
{
    VFS__GUARD(fs, ssize_t, xfer(fs, fd, iov, iovcnt, AT_OFFSET, 0));
}

ssize_t vfs_writev(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                   int iovcnt)
{
    VFS__GUARD(fs, ssize_t, xfer(fs, fd, iov, iovcnt, AT_OFFSET, 1));
}

ssize_t vfs_preadv(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                   int iovcnt, int64_t offset)
{
    if (offset < 0)
        return -EINVAL;
    VFS__GUARD(fs, ssize_t, xfer(fs, fd, iov, iovcnt, offset, 0));
}

ssize_t vfs_pwritev(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                    int iovcnt, int64_t offset)
{
    if (offset < 0)
        return -EINVAL;
    VFS__GUARD(fs, ssize_t, xfer(fs, fd, iov, iovcnt, offset, 1));
}

ssize_t vfs_read(struct vfs *fs, int fd, void *buf, size_t len)
{
    struct vfs_iovec v;
    v.base = buf;
    v.len = len;
    return vfs_readv(fs, fd, &v, 1);
}

ssize_t vfs_write(struct vfs *fs, int fd, const void *buf, size_t len)
{
    struct vfs_iovec v;
    v.base = (void *)(uintptr_t)buf;
    v.len = len;
    return vfs_writev(fs, fd, &v, 1);
}

ssize_t vfs_pread(struct vfs *fs, int fd, void *buf, size_t len,
                  int64_t offset)
{
    struct vfs_iovec v;
    v.base = buf;
    v.len = len;
    return vfs_preadv(fs, fd, &v, 1, offset);
}

ssize_t vfs_pwrite(struct vfs *fs, int fd, const void *buf, size_t len,
                   int64_t offset)
{
    struct vfs_iovec v;
    v.base = (void *)(uintptr_t)buf;
    v.len = len;
    return vfs_pwritev(fs, fd, &v, 1, offset);
}

static int64_t lseek_(struct vfs *fs, int fd, int64_t offset, int whence)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    int64_t base;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    if (VFS__ISFIFO(f->node->mode))
        return -ESPIPE;
    if (whence == VFS_SEEK_SET)
        base = 0;
    else if (whence == VFS_SEEK_CUR)
        base = f->off;
    else if (whence == VFS_SEEK_END && !VFS__ISDIR(f->node->mode))
        base = VFS__ISREG(f->node->mode) ? f->node->size : 0;
    else /* bad whence, or SEEK_END on a directory (as tmpfs) */
        return -EINVAL;
    if (VFS__ISCHR(f->node->mode))
        return 0;
    if (offset > INT64_MAX - base || base + offset < 0)
        return -EINVAL;
    return f->off = base + offset;
}

/* Separate from lseek_ so that only programs that look for holes carry
 * the walk. */
static int64_t seek_holes(struct vfs *fs, int fd, int64_t offset, int whence)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    int64_t pos;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    if ((whence != VFS_SEEK_DATA && whence != VFS_SEEK_HOLE) ||
        !VFS__ISREG(f->node->mode))
        return -EINVAL;
    if (offset < 0 || offset >= f->node->size)
        return -ENXIO;
    pos = vfs__file_seek(f->node, offset, whence == VFS_SEEK_HOLE);
    return pos < 0 ? pos : (f->off = pos);
}

int64_t vfs_lseek_holes(struct vfs *fs, int fd, int64_t offset, int whence)
{
    VFS__GUARD(fs, int64_t, seek_holes(fs, fd, offset, whence));
}

int64_t vfs_lseek(struct vfs *fs, int fd, int64_t offset, int whence)
{
    VFS__GUARD(fs, int64_t, lseek_(fs, fd, offset, whence));
}
