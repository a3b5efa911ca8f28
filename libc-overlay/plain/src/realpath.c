/*
 * realpath.c - realpath for wasm32-wasi: the canonical absolute path of an
 * existing file (no ".", "..", symlinks or repeated slashes), resolved one
 * component at a time through the host's directories with lstat and
 * readlink; a relative path starts at getcwd(). The result goes into
 * resolved (PATH_MAX bytes) or, when resolved is NULL, a malloc'd string.
 *
 * Returns NULL with errno EINVAL (path NULL), ENOENT (path empty, a
 * component or a symlink's target missing, an empty symlink), ENOTDIR (a
 * component before a slash is not a directory), ELOOP (more than 40
 * symlinks), ENAMETOOLONG (the result or a symlink's expansion longer than
 * PATH_MAX), ENOMEM, or what lstat, readlink and getcwd fail with.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINKS_MAX 40

/* Replaces the resolved prefix's last component by the target of the
 * symlink out names: todo becomes the target followed by rest (a suffix
 * of todo); out is cut at *o, or at the root for an absolute target.
 * 0, or -1 with errno. */
static int follow(char *out, size_t *o, char *todo, const char *rest)
{
    char link[PATH_MAX];
    ssize_t k = readlink(out, link, sizeof link);
    size_t n = strlen(rest);

    if (k < 0)
        return -1;
    if (k == 0) {
        errno = ENOENT;
        return -1;
    }
    if ((size_t)k >= sizeof link || (size_t)k + n >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memmove(todo + k, rest, n + 1);
    memcpy(todo, link, (size_t)k);
    if (link[0] == '/')
        *o = 0;
    out[*o] = 0;
    return 0;
}

char *realpath(const char *restrict path, char *restrict resolved)
{
    char out[PATH_MAX], todo[PATH_MAX];
    size_t o = 0;
    char *p = todo;
    int links = 0;

    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    if (!*path) {
        errno = ENOENT;
        return NULL;
    }
    if (strlen(path) >= sizeof todo) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    strcpy(todo, path);
    if (path[0] != '/') {
        if (!getcwd(out, sizeof out))
            return NULL;
        o = strlen(out);
        if (o == 1)
            o = 0; /* "/" is kept as the empty prefix */
    }
    out[o] = 0;
    while (*p) {
        struct stat st;
        char *e;
        size_t n;

        while (*p == '/')
            p++;
        if (!*p)
            break;
        for (e = p; *e && *e != '/'; e++)
            ;
        n = (size_t)(e - p);
        if (n == 1 && p[0] == '.') {
            p = e;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            out[o] = 0;
            p = e;
            continue;
        }
        if (o + 1 + n >= sizeof out) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        out[o] = '/';
        memcpy(out + o + 1, p, n);
        out[o + 1 + n] = 0;
        if (lstat(out, &st) != 0)
            return NULL;
        if (S_ISLNK(st.st_mode)) {
            if (++links > LINKS_MAX) {
                errno = ELOOP;
                return NULL;
            }
            if (follow(out, &o, todo, e) != 0)
                return NULL;
            p = todo;
            continue;
        }
        if (*e && !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return NULL;
        }
        o += 1 + n;
        p = e;
    }
    if (o == 0)
        strcpy(out, "/");
    if (!resolved)
        return strdup(out);
    return strcpy(resolved, out);
}
