/* path.c - path resolution: components, ".", "..", symlinks, search
 * permission, trailing slashes. */
#include "vfs_impl.h"

/*
 * Symlinks are followed as Linux does: the rest of the path after a
 * symlink component waits on a stack while the target is walked, so the
 * text being resolved is never copied and only the number of links
 * followed (VFS_SYMLOOP_MAX) limits it. A body is the path or a target:
 * [p, end), not NUL-terminated.
 */
struct body {
    const char *p, *end;
};

int vfs__walk(struct vfs *fs, int dirfd, const char *path, int how,
              struct vfs__walk *w)
{
    struct body stack[VFS_SYMLOOP_MAX];
    struct vfs_node *dir, *node;
    const char *p = path, *end, *q, *r;
    int hops = 0, depth = 0, trail = 0, err;
    size_t n;

    for (n = 0; path[n];)
        if (++n == VFS_PATH_MAX)
            return -ENAMETOOLONG;
    if (!n)
        return -ENOENT;
    end = path + n;
    if (*p != '/' && (err = vfs__dirfd(fs, dirfd, &dir)))
        return err;
body:
    if (*p == '/')
        dir = fs->root;
    for (;;) {
        struct vfs__ent *ent = NULL;
        int dot = 0, toolong = 0, isdot, last, slash;
        while (p < end && *p == '/')
            p++;
        if (p == end) {
            if (depth) { /* a target is done: back to what followed it */
                depth--;
                p = stack[depth].p;
                end = stack[depth].end;
                continue;
            }
            /* only slashes (the path, or a final target): the root */
            if ((err = vfs__ready(fs, fs->root)))
                return err;
            w->dir = w->node = fs->root;
            w->ent = NULL;
            w->name = "/";
            w->namelen = 0;
            w->dot = w->slash = 1;
            w->toolong = 0;
            return 0;
        }
        for (q = p; q < end && *q != '/'; q++)
            ;
        n = (size_t)(q - p);
        for (r = q; r < end && *r == '/'; r++)
            ;
        last = r == end && !depth;
        slash = last && (r != q || trail);
        isdot = n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.');
        /* Linux's order: search permission, then (creating) a trailing
         * slash after a name that is not a dot, then the name's length,
         * checked when it is looked up. */
        if ((err = vfs__may(dir, 1)))
            return err;
        if (last && (how & VFS__CREATE) && slash && !isdot)
            return -EISDIR;
        if (n > VFS_NAME_MAX) {
            if (!last || !(how & VFS__PARENT)) /* a removed dir: not there */
                return dir->nlink ? -ENAMETOOLONG : -ENOENT;
            toolong = 1; /* the caller looks it up: vfs__name_check */
            node = NULL;
        } else if (isdot) {
            node = n == 1 ? dir : dir->u.dir.parent;
            dot = 1;
            if (!node)
                return -ENOENT;
        } else {
            if ((err = vfs__ready(fs, dir))) /* a lazy directory: fill */
                return err;
            ent = vfs__dir_find(dir, p, n);
            node = ent ? ent->node : NULL;
        }
        if (last) {
            if (node && VFS__ISLNK(node->mode) && !(how & VFS__PARENT) &&
                ((how & VFS__FOLLOW) || slash)) {
                if (++hops > VFS_SYMLOOP_MAX)
                    return -ELOOP;
                trail = slash; /* a trailing slash still applies */
                p = node->u.target;
                end = p + node->size;
                goto body;
            }
            if (slash && node && !VFS__ISDIR(node->mode) &&
                !(how & VFS__PARENT))
                return -ENOTDIR;
            if (node && (err = vfs__ready(fs, node)))
                return err;
            w->dir = dir;
            w->node = node;
            w->ent = ent;
            w->name = p;
            w->namelen = n;
            w->dot = dot;
            w->slash = slash;
            w->toolong = toolong;
            return 0;
        }
        if (!node)
            return -ENOENT;
        if (VFS__ISLNK(node->mode)) {
            if (++hops > VFS_SYMLOOP_MAX)
                return -ELOOP;
            if (r < end) { /* more follows: resume there afterwards */
                stack[depth].p = r;
                stack[depth++].end = end;
            }
            p = node->u.target;
            end = p + node->size;
            goto body;
        }
        if (!VFS__ISDIR(node->mode))
            return -ENOTDIR;
        dir = node;
        p = r;
    }
}

int vfs__name_check(const struct vfs__walk *w)
{
    if (w->dot)
        return 0;
    if (!w->dir->nlink)
        return -ENOENT;
    return w->toolong ? -ENAMETOOLONG : 0;
}

int vfs__lookup(struct vfs *fs, int dirfd, const char *path, int how,
                struct vfs__walk *w)
{
    int r = vfs__walk(fs, dirfd, path, how, w);
    return r ? r : w->node ? 0 : -ENOENT;
}
