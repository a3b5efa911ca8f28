/* pipe.c - vfs_pipe and pipe I/O. A pipe has one read and one write
 * description (they can only be duplicated), so `ends` records which of
 * them is still open. */
#include "vfs_impl.h"
#include "vfs_hooks.h"

static ssize_t pipe_read(struct vfs *fs, struct vfs_node *n, void *buf,
                         size_t len, int64_t off)
{
    struct vfs__pipe *p = &n->u.pipe;
    (void)fs;
    (void)off;
    if (!p->len)
        return p->ends & 2 ? -EAGAIN : 0;
    if (len > p->len)
        len = p->len;
    memcpy(buf, p->buf + p->start, len);
    p->start += (uint32_t)len;
    p->len -= (uint32_t)len;
    if (!p->len)
        p->start = 0;
    return (ssize_t)len;
}

static ssize_t pipe_write(struct vfs *fs, struct vfs_node *n, const void *buf,
                          size_t len, int64_t off)
{
    struct vfs__pipe *p = &n->u.pipe;
    size_t room = VFS_PIPE_CAPACITY - p->len;
    (void)off;
    if (!(p->ends & 1))
        return -EPIPE;
    if (!room || (len <= VFS_PIPE_BUF && len > room))
        return -EAGAIN;
    if (len > room)
        len = room;
    if (p->start && p->start + p->len + len > p->cap) {
        VFS_MEMMOVE(p->buf, p->buf + p->start, p->len);
        p->start = 0;
    }
    if (p->len + len > p->cap) {
        size_t cap = p->cap * 2 > p->len + len ? p->cap * 2 : p->len + len;
        unsigned char *b;
        if (cap > VFS_PIPE_CAPACITY)
            cap = VFS_PIPE_CAPACITY;
        if (!(b = vfs__realloc(fs, p->buf, cap)))
            return -ENOMEM;
        p->buf = b;
        p->cap = (uint32_t)cap;
    }
    memcpy(p->buf + p->start + p->len, buf, len);
    p->len += (uint32_t)len;
    return (ssize_t)len;
}

static int pipe_poll(struct vfs_node *n, int flags, int events)
{
    const struct vfs__pipe *p = &n->u.pipe;
    int ev = 0;
    if ((flags & VFS_O_ACCMODE) == VFS_O_WRONLY) {
        if (p->len < VFS_PIPE_CAPACITY)
            ev |= VFS_POLLOUT;
        if (!(p->ends & 1))
            ev |= VFS_POLLERR;
    } else {
        if (p->len)
            ev |= VFS_POLLIN;
        if (!(p->ends & 2))
            ev |= VFS_POLLHUP;
    }
    return ev & (events | VFS_POLLHUP | VFS_POLLERR);
}

static void pipe_release(struct vfs_node *n, int flags)
{
    n->u.pipe.ends &= (flags & VFS_O_ACCMODE) == VFS_O_WRONLY ? ~2 : ~1;
}

static void pipe_free(struct vfs *fs, struct vfs_node *n)
{
    vfs__free(fs, n->u.pipe.buf);
}

static const struct vfs__ops pipe_ops = {pipe_read, pipe_write, pipe_poll,
                                         pipe_release, pipe_free};

static int pipe_(struct vfs *fs, int fds[2], int flags)
{
    struct vfs__ofd *rd, *wr;
    struct vfs_node *n;
    int a, b, r;

    if (flags & ~(VFS_O_NONBLOCK | VFS_O_CLOEXEC))
        return -EINVAL;
    if ((a = vfs__fd_reserve(fs, 0)) < 0)
        return a;
    if ((b = vfs__fd_reserve(fs, a + 1)) < 0)
        return b;
    if ((r = vfs__node_new(fs, VFS_S_IFIFO | 0600, 0, &pipe_ops, &n)))
        return r;
    rd = vfs__ofd_alloc(fs);
    wr = rd ? vfs__ofd_alloc(fs) : NULL;
    if (!wr) {
        vfs__free(fs, rd);
        vfs__node_free(fs, n);
        return -ENOMEM;
    }
    n->u.pipe.ends = 3;
    vfs__ofd_bind(n, rd, VFS_O_RDONLY | (flags & VFS_O_NONBLOCK));
    vfs__ofd_bind(n, wr, VFS_O_WRONLY | (flags & VFS_O_NONBLOCK));
    vfs__fd_set(fs, a, rd, flags & VFS_O_CLOEXEC);
    vfs__fd_set(fs, b, wr, flags & VFS_O_CLOEXEC);
    fds[0] = a;
    fds[1] = b;
    return 0;
}

int vfs_pipe(struct vfs *fs, int fds[2], int flags)
{
    VFS__GUARD(fs, int, pipe_(fs, fds, flags));
}
