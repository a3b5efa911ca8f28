/* path.c - path resolution: components, ".", "..", symlinks, search
 * permission, trailing slashes. */
#include "vfs_impl.h"

/* Replaces the text before `rest` in w->buf by the symlink target of n.
 * Returns the new start of the path. */
static int splice(struct vfs__walk *w, const struct vfs_node *n,
                  const char *rest)
{
    size_t tl = (size_t)n->size, rl = strlen(rest);
    if (tl + rl >= VFS_PATH_MAX)
        return -ENAMETOOLONG;
    memmove(w->buf + tl, rest, rl + 1);
    memcpy(w->buf, n->u.target, tl);
    return 0;
}

int vfs__walk(struct vfs *fs, int dirfd, const char *path, int how,
              struct vfs__walk *w)
{
    struct vfs_node *dir, *node;
    char *p = w->buf, *q, *r;
    int hops = 0, err;
    size_t n;

    for (n = 0; (p[n] = path[n]) != 0;)
        if (++n == VFS_PATH_MAX)
            return -ENAMETOOLONG;
    if (!n)
        return -ENOENT;
    if (*p != '/' && (err = vfs__dirfd(fs, dirfd, &dir)))
        return err;
restart:
    if (*p == '/')
        dir = fs->root;
    while (*p == '/')
        p++;
    if (!*p) { /* only slashes: the path names the root */
        w->dir = w->node = fs->root;
        w->ent = NULL;
        w->name = "/";
        w->namelen = 0;
        w->dot = w->slash = 1;
        return 0;
    }
    for (;;) {
        struct vfs__ent *ent = NULL;
        int dot = 0;
        for (q = p; *q && *q != '/'; q++)
            ;
        n = (size_t)(q - p);
        if (n > VFS_NAME_MAX)
            return -ENAMETOOLONG;
        for (r = q; *r == '/'; r++)
            ;
        if ((err = vfs__may(dir, 1)))
            return err;
        if (n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.')) {
            node = n == 1 ? dir : dir->u.dir.parent;
            dot = 1;
            if (!node)
                return -ENOENT;
        } else {
            ent = vfs__dir_find(dir, p, n);
            node = ent ? ent->node : NULL;
        }
        if (!*r) { /* last component */
            int slash = r != q;
            if ((how & VFS__CREATE) && slash)
                return -EISDIR;
            if (node && VFS__ISLNK(node->mode) && !(how & VFS__PARENT) &&
                ((how & VFS__FOLLOW) || slash)) {
                if (++hops > VFS_SYMLOOP_MAX)
                    return -ELOOP;
                if ((err = splice(w, node, q)))
                    return err;
                p = w->buf;
                goto restart;
            }
            if (slash && node && !VFS__ISDIR(node->mode) &&
                !(how & VFS__PARENT))
                return -ENOTDIR;
            w->dir = dir;
            w->node = node;
            w->ent = ent;
            w->name = p;
            w->namelen = n;
            w->dot = dot;
            w->slash = slash;
            return 0;
        }
        if (!node)
            return -ENOENT;
        if (VFS__ISLNK(node->mode)) {
            if (++hops > VFS_SYMLOOP_MAX)
                return -ELOOP;
            if ((err = splice(w, node, q)))
                return err;
            p = w->buf;
            goto restart;
        }
        if (!VFS__ISDIR(node->mode))
            return -ENOTDIR;
        dir = node;
        p = r;
    }
}

int vfs__lookup(struct vfs *fs, int dirfd, const char *path, int how,
                struct vfs__walk *w)
{
    int r = vfs__walk(fs, dirfd, path, how, w);
    return r ? r : w->node ? 0 : -ENOENT;
}
