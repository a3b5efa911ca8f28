/* poll.c - vfs_poll. */
#include "vfs_impl.h"

int vfs_poll(struct vfs *fs, int fd, int events)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    if (!f)
        return -EBADF;
    if (f->node->ops->poll && !(f->flags & VFS_O_PATH))
        return f->node->ops->poll(f->node, f->flags, events);
    return events & (VFS_POLLIN | VFS_POLLOUT);
}
