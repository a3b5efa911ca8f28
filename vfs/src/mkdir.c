/* mkdir.c - vfs_mkdirat. */
#include "vfs_impl.h"

static int mkdirat_(struct vfs *fs, int dirfd, const char *path,
                    uint32_t perm)
{
    struct vfs__walk w;
    struct vfs_node *n;
    int r = vfs__walk(fs, dirfd, path, VFS__PARENT, &w);
    uint32_t mode = perm & 01777 & ~fs->umask;
    if (r || (r = vfs__name_check(&w)))
        return r;
    if (w.node)
        return -EEXIST;
    if (w.dir->mode & 02000) /* set-group-ID directories pass it on */
        mode |= 02000;
    return vfs__create(fs, w.dir, w.name, w.namelen, VFS_S_IFDIR | mode, 0,
                       &vfs__dir_ops, &n);
}

int vfs_mkdirat(struct vfs *fs, int dirfd, const char *path, uint32_t perm)
{
    VFS__GUARD(fs, int, mkdirat_(fs, dirfd, path, perm));
}
