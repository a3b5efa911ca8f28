/* lock.c - POSIX record locks (validated only) and flock. */
#include "vfs_impl.h"

/* Validates lk for fd; `set` also checks the access the type needs. */
static int check_lock(struct vfs *fs, int fd, const struct vfs_lock *lk,
                      int set)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    int acc;
    int64_t base;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    acc = f->flags & VFS_O_ACCMODE;
    if (lk->type != VFS_LOCK_UN && lk->type != VFS_LOCK_RD &&
        lk->type != VFS_LOCK_WR)
        return -EINVAL;
    if (set && ((lk->type == VFS_LOCK_RD && acc == VFS_O_WRONLY) ||
                (lk->type == VFS_LOCK_WR && acc == VFS_O_RDONLY)))
        return -EBADF;
    if (lk->whence == VFS_SEEK_SET)
        base = 0;
    else if (lk->whence == VFS_SEEK_CUR)
        base = f->off;
    else if (lk->whence == VFS_SEEK_END)
        base = VFS__ISREG(f->node->mode) ? f->node->size : 0;
    else
        return -EINVAL;
    if (lk->start < -base || lk->start > INT64_MAX - base ||
        (lk->len < 0 && base + lk->start + lk->len < 0))
        return -EINVAL;
    return 0;
}

int vfs_lock_get(struct vfs *fs, int fd, struct vfs_lock *lk)
{
    int r = check_lock(fs, fd, lk, 0);
    if (!r)
        lk->type = VFS_LOCK_UN;
    return r;
}

int vfs_lock_set(struct vfs *fs, int fd, const struct vfs_lock *lk)
{
    return check_lock(fs, fd, lk, 1);
}

static int flock_(struct vfs *fs, int fd, int op)
{
    struct vfs__ofd *f = vfs__ofd(fs, fd);
    int nb = op & VFS_FLOCK_NB;
    uint32_t i;

    if (!f || (f->flags & VFS_O_PATH))
        return -EBADF;
    op &= ~VFS_FLOCK_NB;
    if (op != VFS_FLOCK_SH && op != VFS_FLOCK_EX && op != VFS_FLOCK_UN)
        return -EINVAL;
    if (op == VFS_FLOCK_UN) {
        f->flock = 0;
        return 0;
    }
    for (i = 0; i < fs->nslots; i++) {
        struct vfs__ofd *g = fs->slots[i].ofd;
        if (g && g != f && g->node == f->node && g->flock &&
            (op == VFS_FLOCK_EX || g->flock == VFS_FLOCK_EX))
            return nb ? -EWOULDBLOCK : -EDEADLK;
    }
    f->flock = op;
    return 0;
}

int vfs_flock(struct vfs *fs, int fd, int op)
{
    VFS__GUARD(fs, int, flock_(fs, fd, op));
}
