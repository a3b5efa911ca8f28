/*
 * realpath.c - realpath: the canonical absolute path (no ".", "..",
 * symlinks or repeated slashes), into resolved (PATH_MAX bytes) or, when
 * resolved is NULL, a malloc'd string.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

char *realpath(const char *restrict path, char *restrict resolved)
{
    struct vfs *fs;
    char tmp[PATH_MAX];
    int r;

    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    fs = __wasi_vfs();
    r = fs ? vfs_realpath(fs, WASI_VFS_CWD_FD, path, resolved ? resolved : tmp,
                          PATH_MAX)
           : -ENOMEM;
    if (r < 0) {
        errno = r == -ERANGE ? ENAMETOOLONG : -r;
        return NULL;
    }
    return resolved ? resolved : strdup(tmp);
}
