/*
 * internal.h - what the files of fs/, preview1/ and transfer/ share (those
 * of common/ share common/common.h, which this includes). Nothing here is
 * part of the C library's interface: the archive is built with
 * -fvisibility=hidden and every non-static name carries the __wasi_vfs_
 * prefix (or is a libc or WASI name the overlay replaces).
 *
 * Error convention: the vfs core returns negative errno values and never
 * touches errno; this overlay is the only layer that stores them into
 * errno. wasi-libc's errno values are WASI's __wasi_errno_t codes, so a
 * WASI function answers -r for a failed vfs call r.
 *
 * Descriptors: the module's descriptor numbers are the vfs core's. The
 * program may use 0 .. WASI_VFS_OPEN_MAX-1; WASI_VFS_CWD_FD, one past them
 * and the last of the core's table, is the current directory (an O_PATH
 * descriptor held by the overlay), so AT_FDCWD and relative paths resolve
 * through a real directory reference as in a kernel, including a current
 * directory that has been removed.
 */
#ifndef WASI_VFS_INTERNAL_H
#define WASI_VFS_INTERNAL_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <wasi/api.h>

#include <vfs.h>

#include "common/common.h"

/* ---- limits ------------------------------------------------------------ */

/*
 * The filesystem's configuration: its limits, and the clock (fs/state.c's
 * __wasi_vfs_now). fs/limits.c defines it unless the link brings its own (the
 * driver's --vfs-max-* options); max_open_files counts the program's
 * descriptors and the current directory's.
 */
extern const struct vfs_config __wasi_vfs_config;
int64_t __wasi_vfs_now(void *ctx);

#define WASI_VFS_DEFAULT_OPEN_MAX 1024 /* as Linux's RLIMIT_NOFILE */
#define WASI_VFS_CWD_FD ((int)__wasi_vfs_config.max_open_files - 1)
#define WASI_VFS_OPEN_MAX WASI_VFS_CWD_FD
#define WASI_VFS_IOV_MAX 1024 /* iovecs per call, as Linux's UIO_MAXIOV */

/* The one user (WASI_VFS_UID, WASI_VFS_GID, ...) and temporary names:
 * common/common.h. */

/* ---- the filesystem ----------------------------------------------------- */

/*
 * The module's filesystem, NULL until a call first needs it. Creating it
 * (fs/state.c) registers the device files, opens descriptors 0, 1, 2 on
 * /dev/stdin, /dev/stdout, /dev/stderr (except those the program closed
 * before) and the current directory "/". __wasi_vfs() is NULL when memory
 * for that cannot be had: every caller then fails with ENOMEM, and a later
 * call tries again.
 */
extern struct vfs *__wasi_vfs_fs;
struct vfs *__wasi_vfs(void);

/* The file-creation mask the filesystem starts with (fs/umask.c sets it while
 * there is no filesystem). */
extern mode_t __wasi_vfs_umask;

/* A libc dirfd as the vfs core takes it: AT_FDCWD is the current
 * directory's descriptor; VFS_AT_ROOT, the core's own name for the root,
 * is no descriptor of the program's (EBADF, as any number never opened). */
static inline int __wasi_vfs_at(int dirfd)
{
    return dirfd == AT_FDCWD      ? WASI_VFS_CWD_FD
           : dirfd == VFS_AT_ROOT ? -1
                                  : dirfd;
}

/* A preview1 dirfd as the vfs core takes it: the same, but AT_FDCWD is no
 * descriptor either (preview1 descriptors are unsigned). */
static inline int __wasi_vfs_dirfd(int32_t fd)
{
    return fd == VFS_AT_ROOT ? -1 : fd;
}

/* Whether fd may be the target of dup2/dup3/fd_renumber or be closed by the
 * program: a number the program may use. */
static inline int __wasi_vfs_user_fd(int fd)
{
    return (unsigned)fd < (unsigned)WASI_VFS_OPEN_MAX;
}

/* r < 0: sets errno to -r and returns -1. Otherwise returns r. */
int __wasi_vfs_ret(int r);

/*
 * The filesystem for a call on the C-string path (or paths a and b) the
 * program passed, as the system call of that name takes them on Linux:
 * NULL, with errno EFAULT when a string is not all inside memory (or is
 * NULL), else ENOMEM when there is no filesystem (__wasi_vfs).
 */
struct vfs *__wasi_vfs_path(const char *path);
struct vfs *__wasi_vfs_path2(const char *a, const char *b);

/* opendirat (fs/opendir.c), by the name a program's own opendirat cannot
 * take. */
struct _DIR;
struct _DIR *__wasi_vfs_opendirat(int dirfd, const char *path);

/* ---- conversions between libc and vfs values ---------------------------- */

/*
 * The AT_* flag of a libc *at() call as the vfs core's VFS_AT_* bits,
 * when every bit of it is in valid: those of wasi-libc's flags
 * (AT_SYMLINK_NOFOLLOW, AT_SYMLINK_FOLLOW, AT_REMOVEDIR; AT_EACCESS is 0)
 * that the Linux call accepts. Otherwise -1, every bit, which each core
 * call refuses with -EINVAL before it changes anything, as Linux does.
 */
int __wasi_vfs_atflags(int flag, int valid);

/* open(2)/fcntl(2) flags to VFS_O_* and back. Flags with no vfs meaning
 * (O_NOCTTY, O_SYNC, ...) are dropped. No access-mode bit means O_RDONLY,
 * as on systems where O_RDONLY is 0; O_SEARCH or O_EXEC alone is
 * VFS_O_PATH. */
int __wasi_vfs_oflags_in(int oflag);
int __wasi_vfs_oflags_out(int vflags);

/* Stores *v into *st (mode bits, the one user's uid/gid, st_blocks,
 * st_blksize, nanosecond times) when r >= 0; returns __wasi_vfs_ret(r) or
 * 0. */
int __wasi_vfs_stat_out(int r, const struct vfs_stat *v, struct stat *st);

/* WASI file type of a VFS_S_IF* mode (FIFOs are SOCKET_STREAM, as
 * wasi-libc's DT_FIFO). */
__wasi_filetype_t __wasi_vfs_filetype(uint32_t mode);

/* WASI filestat of a vfs stat. */
void __wasi_vfs_filestat(const struct vfs_stat *v, __wasi_filestat_t *out);

/* ---- guest memory ------------------------------------------------------- */

/*
 * Whether the len bytes at p are not all memory the program may name: they
 * run past the end of linear memory, or p is NULL (len > 0). Every pointer
 * the overlay's preview1 functions receive is checked with this before
 * anything is read, written or changed, and the function answers EFAULT
 * (as Linux does for an address outside the process) instead of trapping;
 * only descriptors 0, 1, 2 before the filesystem exists pass their
 * pointers on to the host, which checks them itself. len 0 is never a
 * fault.
 */
int __wasi_vfs_fault(const void *p, size_t len);

/* Copies a WASI (pointer, length) path into buf, NUL-terminated. Returns
 * 0, or an errno: EFAULT (the bytes to read are outside memory),
 * ENAMETOOLONG (VFS_PATH_MAX bytes or more), EILSEQ (a NUL byte inside). */
int __wasi_vfs_cpath(const char *path, size_t len, char buf[VFS_PATH_MAX]);

/* The prologue of the preview1 calls on names: sets *fs to the filesystem
 * (NULL when it cannot be made) and copies the path into buf. Returns 0, or
 * the WASI errno the call returns without doing anything: that of
 * __wasi_vfs_cpath, else NOMEM when there is no filesystem. paths_in does
 * the same for the two names of rename, link and symlink, the first name's
 * error first. */
int __wasi_vfs_path_in(struct vfs **fs, const char *path, int32_t len,
                       char buf[VFS_PATH_MAX]);
int __wasi_vfs_paths_in(struct vfs **fs, const char *a, int32_t alen,
                        char abuf[VFS_PATH_MAX], const char *b, int32_t blen,
                        char bbuf[VFS_PATH_MAX]);

/*
 * Takes in the arguments of fd_read, fd_write, fd_pread or fd_pwrite: the
 * iovec array (n entries at iovs, each a pointer and a length) and where
 * the byte count goes. Returns 0 with a copy of the array in
 * __wasi_vfs_iov (valid until the next call), or an errno: EINVAL (more
 * than WASI_VFS_IOV_MAX entries), EFAULT (the array, a buffer or the count
 * is outside memory). On an error nothing may be transferred. The copy is
 * what the call works from, so a read that lands on the array itself does
 * not change where the rest of the call goes (as on Linux, which copies it
 * too).
 */
int __wasi_vfs_iovecs(const __wasi_iovec_t *iovs, int32_t n,
                      const __wasi_size_t *count);
extern struct vfs_iovec __wasi_vfs_iov[WASI_VFS_IOV_MAX];

/* ---- host streams -------------------------------------------------------- */

/* The host's own preview1 functions, for descriptors 0, 1, 2 of the host. */
#define WASI_VFS_HOST(name) \
    __attribute__((__import_module__("wasi_snapshot_preview1"), \
                   __import_name__(name)))
int32_t __wasi_vfs_host_fd_read(int32_t fd, const __wasi_iovec_t *iovs,
                                int32_t n, __wasi_size_t *nread)
    WASI_VFS_HOST("fd_read");
int32_t __wasi_vfs_host_fd_write(int32_t fd, const __wasi_ciovec_t *iovs,
                                 int32_t n, __wasi_size_t *nwritten)
    WASI_VFS_HOST("fd_write");
int32_t __wasi_vfs_host_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
    WASI_VFS_HOST("fd_fdstat_get");
int32_t __wasi_vfs_host_fd_seek(int32_t fd, int64_t offset, int32_t whence,
                                __wasi_filesize_t *newoffset)
    WASI_VFS_HOST("fd_seek");
int32_t __wasi_vfs_host_poll_oneoff(const __wasi_subscription_t *in,
                                    __wasi_event_t *out, int32_t n,
                                    __wasi_size_t *nevents)
    WASI_VFS_HOST("poll_oneoff");
int32_t __wasi_vfs_host_clock_time_get(int32_t id, int64_t precision,
                                       __wasi_timestamp_t *t)
    WASI_VFS_HOST("clock_time_get");

/* Stamps the filesystem's times marked for update (vfs_sync_times), if it
 * exists: called before the program sees the time (a clock reading, a
 * wait). preview1/clock.c; set by fs/state.c. */
extern void (*__wasi_vfs_sync_times)(void);
static inline void __wasi_vfs_time_seen(void)
{
    if (__wasi_vfs_sync_times)
        __wasi_vfs_sync_times();
}

/* Device ops of /dev/stdin, /dev/stdout, /dev/stderr; ctx is the host
 * descriptor (0, 1, 2). No poll op: poll_oneoff forwards host streams to
 * the host itself, so only programs that poll import it. */
extern const struct vfs_device_ops __wasi_vfs_host_ops;
/* Device ops of /dev/random and /dev/urandom (random_get). */
extern const struct vfs_device_ops __wasi_vfs_random_ops;

/* fd_seek on host descriptor h (0, 1, 2), as Linux answers lseek: the
 * host seeks a regular file (a shell's `< file`); a stream it will not
 * seek (a pipe, a terminal) is ESPIPE. preview1/host_seek.c. */
int32_t __wasi_vfs_host_seek(int32_t h, int64_t offset, int32_t whence,
                             __wasi_filesize_t *newoffset);

/* The host descriptor behind vfs descriptor fd if it is open on a host
 * stream device, else -1. */
int __wasi_vfs_host_fd(struct vfs *fs, int fd);

/*
 * Descriptors 0, 1, 2 before the filesystem exists: a program that only
 * uses stdio on them never creates it, and its stream calls go straight to
 * the host. Bit n is set once the program closed descriptor n then; the
 * filesystem, when created, leaves it closed.
 */
extern unsigned char __wasi_vfs_std_closed;

static inline int __wasi_vfs_std_open(int32_t fd)
{
    return (uint32_t)fd < 3 && !(__wasi_vfs_std_closed >> fd & 1);
}

/*
 * The stream calls once the filesystem exists (preview1/stream.c): every
 * descriptor is the vfs core's. NULL before. Reached through this pointer so that a
 * program that never creates the filesystem links none of it.
 */
struct __wasi_vfs_stream {
    int32_t (*read)(int32_t fd, const __wasi_iovec_t *iovs, int32_t n,
                    __wasi_size_t *nread);
    int32_t (*write)(int32_t fd, const __wasi_ciovec_t *iovs, int32_t n,
                     __wasi_size_t *nwritten);
    int32_t (*close)(int32_t fd);
    int32_t (*seek)(int32_t fd, int64_t offset, int32_t whence,
                    __wasi_filesize_t *newoffset);
    int32_t (*fdstat_get)(int32_t fd, __wasi_fdstat_t *st);
};
extern const struct __wasi_vfs_stream *__wasi_vfs_stream;
extern const struct __wasi_vfs_stream __wasi_vfs_stream_vfs;

#endif
