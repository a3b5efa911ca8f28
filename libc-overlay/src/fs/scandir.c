/*
 * scandir.c - scandir and scandirat over opendirat (opendir.c) and
 * readdir: the entries the filter keeps, each in its own malloc'd struct
 * dirent, sorted with compar (if given). Returns the count, or -1 with
 * errno (ENOMEM, or what opendir/readdir set), freeing everything.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

int scandirat(int dirfd, const char *path, struct dirent ***namelist,
              int (*filter)(const struct dirent *),
              int (*compar)(const struct dirent **, const struct dirent **))
{
    DIR *d = __wasi_vfs_opendirat(dirfd, path);
    struct dirent *de, **v = NULL, **nv;
    size_t n = 0, cap = 0, size;
    int saved = errno, e;

    if (!d)
        return -1;
    for (;;) {
        errno = 0;
        de = readdir(d);
        if (!de)
            break;
        if (filter && !filter(de))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            nv = realloc(v, cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        size = offsetof(struct dirent, d_name) + strlen(de->d_name) + 1;
        v[n] = malloc(size);
        if (!v[n])
            break;
        memcpy(v[n++], de, size);
    }
    e = errno;
    closedir(d);
    if (e || n > 0x7fffffff) {
        while (n)
            free(v[--n]);
        free(v);
        errno = e ? e : ENOMEM;
        return -1;
    }
    if (compar)
        qsort(v, n, sizeof *v, (int (*)(const void *, const void *))compar);
    *namelist = v;
    errno = saved;
    return (int)n;
}

int scandir(const char *path, struct dirent ***namelist,
            int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **))
{
    return scandirat(AT_FDCWD, path, namelist, filter, compar);
}
