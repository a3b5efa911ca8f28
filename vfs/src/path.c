/* path.c - path resolution: components, ".", "..", symlinks, search
 * permission, trailing slashes; the walk cache. */
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

/*
 * Where the walk of path[0..len) from base may start instead: the deepest
 * directory of the walk cache whose text is a prefix of path that ends
 * before path's last component (so that the walk still sees that one).
 * Returns the directory and sets *skip to the length of that prefix, or
 * returns base with *skip 0.
 */
static struct vfs_node *resume(const struct vfs *fs, struct vfs_node *base,
                               const char *path, size_t len, size_t *skip)
{
    const struct vfs__pcache *c = &fs->pc;
    struct vfs_node *d = c->dir;
    size_t m = 0, i;

    *skip = 0;
    if (!d || c->base != base)
        return base;
    while (len && path[len - 1] == '/') /* where the last component ends */
        len--;
    if (len > c->len)
        len = c->len;
    for (; m + 8 <= len; m += 8) { /* the common part, 8 bytes at a time */
        uint64_t x, y;
        memcpy(&x, path + m, 8);
        memcpy(&y, c->text + m, 8);
        if (x != y)
            break;
    }
    while (m < len && path[m] == c->text[m])
        m++;
    while (m && c->text[m - 1] != '/') /* back to a whole component */
        m--;
    if (!m)
        return base;
    /* one parent up for each name of the text after m */
    for (i = m; i < c->len; i++)
        if (c->text[i] != '/' && c->text[i + 1] == '/')
            d = d->u.dir.parent;
    *skip = m;
    return d;
}

/* Makes path[0..len), which resolves from base to dir with plain names,
 * the walk cache; its first `same` bytes are the cache's text already.
 * The text's buffer holds any path; without memory for it nothing is
 * cached. */
static void remember(struct vfs *fs, struct vfs_node *base,
                     struct vfs_node *dir, const char *path, size_t len,
                     size_t same)
{
    struct vfs__pcache *c = &fs->pc;
    if (!c->text && !(c->text = vfs__realloc(fs, NULL, VFS_PATH_MAX)))
        return;
    memcpy(c->text + same, path + same, len - same);
    c->len = (uint32_t)len;
    c->base = base;
    c->dir = dir;
}

int vfs__walk(struct vfs *fs, int dirfd, const char *path, int how,
              struct vfs__walk *w)
{
    struct body stack[VFS_SYMLOOP_MAX];
    struct vfs_node *dir, *node, *base;
    const char *p = path, *end, *q, *r;
    int hops = 0, depth = 0, trail = 0, plain = 1, err;
    size_t n, same;

    if (!(end = memchr(path, 0, VFS_PATH_MAX)))
        return -ENAMETOOLONG;
    if (end == path)
        return -ENOENT;
    if (*p == '/')
        base = fs->root;
    else if ((err = vfs__dirfd(fs, dirfd, &base)))
        return err;
    /* plain: no ".", ".." or symlink so far, so the directory part may be
     * cached; `same` bytes of it are the cache's text already */
    dir = resume(fs, base, path, (size_t)(end - path), &same);
    p += same;
    goto walk;
body:
    if (*p == '/')
        dir = fs->root;
walk:
    for (;;) {
        struct vfs__ent *ent = NULL;
        int dot = 0, toolong = 0, isdot, last, slash;
        uint32_t h = VFS__HASH0;
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
        for (q = p; q < end && *q != '/'; q++) /* the name, and its hash */
            h = VFS__HASH_STEP(h, *q);
        n = (size_t)(q - p);
        for (r = q; r < end && *r == '/'; r++)
            ;
        last = r == end && !depth;
        slash = last && (r != q || trail);
        isdot = n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.');
        if (last && plain && dir != base)
            remember(fs, base, dir, path, (size_t)(p - path), same);
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
            plain = 0;
            if (!node)
                return -ENOENT;
        } else {
            if ((err = vfs__ready(fs, dir))) /* a lazy directory: fill */
                return err;
            ent = vfs__dir_find_h(dir, p, n, h);
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
                plain = 0;
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
            plain = 0;
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

int vfs__lookup_at(struct vfs *fs, int dirfd, const char *path, int flags,
                   int allowed, struct vfs__walk *w)
{
    if (flags & ~allowed)
        return -EINVAL;
    return vfs__lookup(fs, dirfd, path,
                       flags & VFS_AT_SYMLINK_NOFOLLOW ? 0 : VFS__FOLLOW, w);
}
