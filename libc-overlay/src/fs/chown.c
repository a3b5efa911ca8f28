/*
 * chown.c - chown, fchown, lchown, fchownat. The one user, root, owns
 * every file and no other user or group exists, so no file can be given
 * to one: asking for the user's own uid/gid (0) or -1 (no change)
 * succeeds on an existing file and changes nothing; any other id fails
 * with EPERM. Path and descriptor errors come first.
 */
#include <errno.h>
#include <unistd.h>

#include "../internal.h"

static int check(int r, uid_t uid, gid_t gid)
{
    if (r >= 0 && ((uid != (uid_t)-1 && uid != WASI_VFS_UID) ||
                   (gid != (gid_t)-1 && gid != WASI_VFS_GID)))
        r = -EPERM;
    return __wasi_vfs_ret(r < 0 ? r : 0);
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    struct vfs_stat v;
    return fs ? check(vfs_fstatat(fs, __wasi_vfs_at(dirfd), path, &v,
                                  flag & AT_SYMLINK_NOFOLLOW
                                      ? VFS_AT_SYMLINK_NOFOLLOW : 0),
                      uid, gid)
              : -1;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(AT_FDCWD, path, uid, gid, 0);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    struct vfs *fs = __wasi_vfs();
    return check(fs ? vfs_fd_check(fs, fd) : -ENOMEM, uid, gid);
}
