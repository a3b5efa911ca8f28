/*
 * utime.c - utimensat, futimens, utime, utimes and wasi-libc's
 * __wasilibc_utimens. UTIME_NOW and UTIME_OMIT have the vfs core's (and
 * Linux's) values (see <__header_sys_stat.h>), so times pass through; the
 * core rejects any other tv_nsec outside [0, 1e9) with EINVAL.
 * (wasi-libc's futimens also rejects one time given with the other
 * UTIME_NOW or UTIME_OMIT, hence its replacement.) utimensat's flag is
 * AT_SYMLINK_NOFOLLOW or 0, others EINVAL, as on Linux.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>
#include <wasi/libc.h>

#include "../internal.h"

_Static_assert(UTIME_NOW == VFS_UTIME_NOW && UTIME_OMIT == VFS_UTIME_OMIT,
               "UTIME_NOW and UTIME_OMIT differ from the vfs core's");

/* Whether times (NULL: now) is not all inside memory. */
static int times_fault(const struct timespec times[2])
{
    return times && __wasi_vfs_fault(times, 2 * sizeof *times);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2],
              int flag)
{
    struct vfs *fs = __wasi_vfs_path(path);
    return fs ? __wasi_vfs_ret(
                    times_fault(times)
                        ? -EFAULT
                        : vfs_utimensat(fs, __wasi_vfs_at(dirfd), path, times,
                                        __wasi_vfs_atflags(
                                            flag, AT_SYMLINK_NOFOLLOW)))
              : -1;
}

int futimens(int fd, const struct timespec times[2])
{
    struct vfs *fs = __wasi_vfs();
    return __wasi_vfs_ret(!fs                ? -ENOMEM
                          : times_fault(times) ? -EFAULT
                                               : vfs_futimens(fs, fd, times));
}

int __wasilibc_utimens(const char *path, const struct timespec times[2],
                       int flag)
{
    return utimensat(AT_FDCWD, path, times, flag);
}

int utime(const char *path, const struct utimbuf *t)
{
    struct timespec ts[2] = {{0, 0}, {0, 0}};
    if (t) {
        ts[0].tv_sec = t->actime;
        ts[1].tv_sec = t->modtime;
    }
    return utimensat(AT_FDCWD, path, t ? ts : NULL, 0);
}

int utimes(const char *path, const struct timeval tv[2])
{
    struct timespec ts[2];
    int i;
    if (tv) {
        for (i = 0; i < 2; i++) {
            if ((unsigned long)tv[i].tv_usec >= 1000000) {
                errno = EINVAL;
                return -1;
            }
            ts[i].tv_sec = tv[i].tv_sec;
            ts[i].tv_nsec = tv[i].tv_usec * 1000;
        }
    }
    return utimensat(AT_FDCWD, path, tv ? ts : NULL, 0);
}
