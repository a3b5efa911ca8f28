/*
 * opendir.c - opendir and opendirat: open the directory (read permission
 * needed, as on Linux) and hand the descriptor to wasi-libc's fdopendir,
 * whose readdir lists it through fd_readdir (preview1/wasi_readdir.c).
 *
 * The work of wasi-libc's opendirat extension is __wasi_vfs_opendirat,
 * which opendir and scandirat call; opendirat itself is in its own member
 * (opendirat.c), so that a program's own opendirat is the only one.
 *
 * wasi-libc's fdopendir reads the first batch of entries at once; the
 * rewinddir that follows drops it, so that, as on Linux, the listing
 * reflects the directory when readdir is first called (a directory
 * removed in between reads as empty).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "../internal.h"

DIR *__wasi_vfs_opendirat(int dirfd, const char *path)
{
    int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY), e;
    DIR *d;

    if (fd < 0)
        return NULL;
    d = fdopendir(fd);
    if (!d) {
        e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    rewinddir(d);
    return d;
}

DIR *opendir(const char *path)
{
    return __wasi_vfs_opendirat(AT_FDCWD, path);
}
