/*
 * chmod.c - chmod, fchmod, fchmodat for wasm32-wasi: preview1 files have
 * no permission bits (stat reports none), so there is nothing to change.
 * They fail with ENOSYS, so code that calls them compiles and takes its
 * error path.
 */
#include <errno.h>
#include <sys/stat.h>

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
    (void)dirfd;
    (void)path;
    (void)mode;
    (void)flags;
    errno = ENOSYS;
    return -1;
}

int chmod(const char *path, mode_t mode)
{
    return fchmodat(-1, path, mode, 0);
}

int fchmod(int fd, mode_t mode)
{
    (void)fd;
    return fchmodat(-1, "", mode, 0);
}
