/*
 * cwd.c - chdir, fchdir, getcwd, and wasi-libc's
 * __wasilibc_find_relpath_alloc.
 *
 * The current directory is descriptor WASI_VFS_CWD_FD (see internal.h): a
 * reference to the directory itself, so it survives renames, and a removed
 * one behaves as on Linux (getcwd fails with ENOENT, nothing can be
 * created in it).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/libc-find-relpath.h>

#include "../internal.h"

/* Makes path, relative to dirfd, the current directory: it must be a
 * directory the user may search. No descriptor of the program's is needed
 * (a full table does not stop it). */
static int change(int dirfd, const char *path)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(vfs_chdirat(fs, WASI_VFS_CWD_FD, dirfd, path))
              : -1;
}

int chdir(const char *path)
{
    return change(WASI_VFS_CWD_FD, path);
}

/* Only the program's own descriptors (VFS_AT_ROOT and the current
 * directory's are none: EBADF). */
int fchdir(int fd)
{
    return change(__wasi_vfs_user_fd(fd) ? fd : -1, ".");
}

/* buf NULL: a malloc'd copy of the path, whatever size says. */
char *getcwd(char *buf, size_t size)
{
    struct vfs *fs;
    char tmp[VFS_PATH_MAX];
    int r;

    if (buf && !size) {
        errno = EINVAL;
        return NULL;
    }
    if (buf && __wasi_vfs_fault(buf, size)) {
        errno = EFAULT;
        return NULL;
    }
    fs = __wasi_vfs();
    r = fs ? vfs_fd_path(fs, WASI_VFS_CWD_FD, buf ? buf : tmp,
                         buf ? size : sizeof tmp)
           : -ENOMEM;
    if (r < 0) {
        errno = -r;
        return NULL;
    }
    return buf ? buf : strdup(tmp);
}

/* Reached only from wasi-libc's preopen table (when a program uses it),
 * whose __wasilibc_find_abspath this calls: absolute paths are looked up
 * as they are, relative ones after the current directory's path. */
extern int __wasilibc_find_abspath(const char *, const char **,
                                   const char **) __attribute__((weak));

int __wasilibc_find_relpath_alloc(const char *path, const char **abs,
                                  char **relative, size_t *relative_len,
                                  int can_realloc)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    const char *rel;
    size_t n;
    int fd, l;

    if (path[0] != '/') {
        fs = __wasi_vfs();
        l = fs ? vfs_fd_path(fs, WASI_VFS_CWD_FD, buf, sizeof buf) : -ENOMEM;
        n = strlen(path);
        if (l >= 0 && (size_t)l + 1 + n >= sizeof buf)
            l = -ENAMETOOLONG;
        if (l < 0)
            return __wasi_vfs_ret(l);
        buf[l] = '/';
        memcpy(buf + l + 1, path, n + 1);
        path = buf;
    }
    fd = __wasilibc_find_abspath(path, abs, &rel);
    if (fd < 0)
        return -1;
    n = strlen(rel) + 1;
    if (*relative_len < n) {
        char *p;
        if (!can_realloc)
            return __wasi_vfs_ret(-ERANGE);
        p = realloc(*relative, n);
        if (!p)
            return __wasi_vfs_ret(-ENOMEM);
        *relative = p;
        *relative_len = n;
    }
    memcpy(*relative, rel, n);
    return fd;
}
