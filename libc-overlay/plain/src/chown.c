/*
 * chown.c - chown, fchown, lchown, fchownat for wasm32-wasi: preview1
 * files have no owner, so there is nothing to change. They fail with
 * ENOSYS, so code that calls them compiles and takes its error path.
 */
#include <errno.h>
#include <unistd.h>

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
    (void)dirfd;
    (void)path;
    (void)uid;
    (void)gid;
    (void)flags;
    errno = ENOSYS;
    return -1;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(-1, path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(-1, path, uid, gid, 0);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    (void)fd;
    return fchownat(-1, "", uid, gid, 0);
}
