/*
 * vfs.h - an in-memory POSIX filesystem with Linux tmpfs semantics.
 *
 * Portable C11 (plus <sys/types.h> and <time.h> for ssize_t and struct
 * timespec). No WASI, no host filesystem, no global state: every call takes
 * the filesystem it acts on. Not thread-safe; one filesystem is used by one
 * thread at a time.
 *
 * Error convention: every function returns a non-negative value on success
 * and a negative errno value from <errno.h> (-ENOENT, -EBADF, ...) on
 * failure. errno itself is never read or written. A failing call leaves the
 * filesystem exactly as it was (no partial mutation), including when memory
 * allocation fails (-ENOMEM) or a configured limit is hit (-ENOSPC, -EMFILE).
 *
 * Paths: absolute paths resolve from the root; relative paths resolve from
 * the directory descriptor `dirfd`, or from the root when dirfd is
 * VFS_AT_ROOT. ".." never climbs above the root. Symbolic links are followed
 * up to VFS_SYMLOOP_MAX hops (then -ELOOP). A component longer than
 * VFS_NAME_MAX bytes or a path of VFS_PATH_MAX bytes or more (counting the
 * terminating NUL) gives -ENAMETOOLONG. An empty path gives -ENOENT.
 *
 * Descriptors are small integers owned by the filesystem; a new descriptor
 * is always the lowest free number. Descriptors share an open file
 * description (offset, status flags, flock lock) when made by vfs_dup*;
 * the close-on-exec flag belongs to the descriptor.
 */
#ifndef VFS_H
#define VFS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- limits ------------------------------------------------------------ */

#define VFS_NAME_MAX    255
#define VFS_PATH_MAX    4096
#define VFS_SYMLOOP_MAX 40
#define VFS_PIPE_BUF    4096    /* writes up to this size are atomic */
#define VFS_PIPE_CAPACITY 65536 /* bytes a pipe holds before writes fail */

/* Relative paths with this dirfd resolve from the root directory. */
#define VFS_AT_ROOT (-100)

/* ---- open flags (own values; the libc overlay translates) -------------- */

#define VFS_O_RDONLY    0x0000
#define VFS_O_WRONLY    0x0001
#define VFS_O_RDWR      0x0002
#define VFS_O_ACCMODE   0x0003
#define VFS_O_PATH      0x0004  /* neither read nor write; for *at and fstat */
#define VFS_O_CREAT     0x0010
#define VFS_O_EXCL      0x0020
#define VFS_O_TRUNC     0x0040
#define VFS_O_APPEND    0x0080
#define VFS_O_DIRECTORY 0x0100
#define VFS_O_NOFOLLOW  0x0200
#define VFS_O_NONBLOCK  0x0400
#define VFS_O_CLOEXEC   0x0800
/* Status flags vfs_fd_set_flags may change. */
#define VFS_O_SETTABLE  (VFS_O_APPEND | VFS_O_NONBLOCK)

/* *at flags */
#define VFS_AT_SYMLINK_NOFOLLOW 0x1
#define VFS_AT_REMOVEDIR        0x2
#define VFS_AT_SYMLINK_FOLLOW   0x4
#define VFS_AT_EACCESS          0x8

/* ---- file types and mode bits (traditional Unix values) ---------------- */

#define VFS_S_IFMT   0170000
#define VFS_S_IFIFO  0010000
#define VFS_S_IFCHR  0020000
#define VFS_S_IFDIR  0040000
#define VFS_S_IFREG  0100000
#define VFS_S_IFLNK  0120000
#define VFS_S_IFSOCK 0140000

/* access modes for vfs_faccessat */
#define VFS_F_OK 0
#define VFS_X_OK 1
#define VFS_W_OK 2
#define VFS_R_OK 4

/* lseek whence */
#define VFS_SEEK_SET 0
#define VFS_SEEK_CUR 1
#define VFS_SEEK_END 2
#define VFS_SEEK_DATA 3 /* as Linux: the next data at or after offset */
#define VFS_SEEK_HOLE 4 /* as Linux: the next hole (or the end) */

/* timestamps for vfs_utimensat / vfs_futimens (tv_nsec values) */
#define VFS_UTIME_NOW  ((1l << 30) - 1l)
#define VFS_UTIME_OMIT ((1l << 30) - 2l)

/* poll events */
#define VFS_POLLIN  0x1
#define VFS_POLLOUT 0x4
#define VFS_POLLERR 0x8
#define VFS_POLLHUP 0x10

/* ---- configuration ----------------------------------------------------- */

/*
 * Every field may be zero, meaning its default. The filesystem copies the
 * struct; it need not outlive vfs_create.
 */
struct vfs_config {
    /* Bytes of file data, symlink targets and names the filesystem may
     * hold. Exceeding it gives -ENOSPC. Default: 1 GiB. */
    uint64_t max_bytes;
    /* Number of inodes (files, directories, links, devices, pipes) that may
     * exist at once. Exceeding it gives -ENOSPC. Default: 1048576. */
    uint32_t max_inodes;
    /* Size of the descriptor table: descriptors are 0 .. max_open_files-1.
     * Exceeding it gives -EMFILE. Default: 1024. */
    uint32_t max_open_files;
    /* Wall-clock time in nanoseconds since the Unix epoch, used for
     * atime/mtime/ctime. NULL: all timestamps read 0. */
    int64_t (*now)(void *ctx);
    void *now_ctx;
    /* Memory for everything the filesystem holds: realloc(ctx, NULL, n)
     * allocates n bytes, realloc(ctx, p, n) resizes p (returning NULL and
     * keeping p on failure), realloc(ctx, p, 0) frees p and returns NULL.
     * n is never 0 except to free. What it returns is aligned as malloc's.
     * NULL: the C library's realloc/free. */
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void *alloc_ctx;
};

struct vfs;

/*
 * Creates a filesystem holding "/" (mode 0755), "/tmp" (mode 01777),
 * "/dev" (0755), "/dev/null" and "/dev/zero" (character devices, 0666).
 * The umask starts at 022. No descriptor is open.
 * Returns 0 and sets *out, or -ENOMEM.
 */
int vfs_create(const struct vfs_config *cfg, struct vfs **out);

/* Frees the filesystem and everything in it. NULL is allowed. */
void vfs_destroy(struct vfs *fs);

/* ---- devices ----------------------------------------------------------- */

/*
 * A character device's behaviour, supplied by the embedder (for example the
 * host's standard streams, or a random source). The ops struct and ctx
 * must outlive every node made with them.
 *
 * read:  reads up to len bytes into buf; returns bytes read (0 = end of
 *        stream) or a negative errno (-EAGAIN when nothing is ready and
 *        the stream would block). NULL: reads return 0 (end of stream).
 * write: writes up to len bytes; returns bytes accepted (may be short) or a
 *        negative errno. NULL: writes are accepted and discarded.
 * poll:  returns the VFS_POLL* events among `events` that are ready now, or
 *        a negative errno. NULL: always ready for both.
 */
struct vfs_device_ops {
    ssize_t (*read)(void *ctx, void *buf, size_t len);
    ssize_t (*write)(void *ctx, const void *buf, size_t len);
    int (*poll)(void *ctx, int events);
};

/*
 * Creates a character device node at path with permission bits perm
 * (umask applies). Errors as vfs_mkdirat.
 */
int vfs_mknod_device(struct vfs *fs, int dirfd, const char *path,
                     uint32_t perm, const struct vfs_device_ops *ops,
                     void *ctx);

/*
 * If fd refers to a character device made by vfs_mknod_device, stores its
 * ops and ctx and returns 0. -EBADF: fd not open. -ENODEV: not such a device
 * (including the built-in /dev/null and /dev/zero).
 */
int vfs_fd_device(struct vfs *fs, int fd, const struct vfs_device_ops **ops,
                  void **ctx);

/* ---- open, close, read, write ----------------------------------------- */

/*
 * Opens path. flags: one of VFS_O_RDONLY/WRONLY/RDWR/PATH, or'ed with
 * VFS_O_CREAT, EXCL, TRUNC, APPEND, DIRECTORY, NOFOLLOW, NONBLOCK, CLOEXEC.
 * With VFS_O_PATH every flag but DIRECTORY, NOFOLLOW and CLOEXEC is
 * ignored (as open(2) does).
 * perm: permission bits for a created file (umask applies).
 * Returns the new descriptor, or:
 *  -ENOENT  a component is missing, or the last one without VFS_O_CREAT,
 *           or a dangling symlink without VFS_O_CREAT
 *  -EEXIST  VFS_O_CREAT|VFS_O_EXCL and path exists (a symlink counts)
 *  -EISDIR  directory opened for writing, or VFS_O_CREAT on a directory
 *  -ENOTDIR a non-final component is not a directory, or VFS_O_DIRECTORY
 *           on a non-directory, or a trailing slash on a non-directory
 *  -ELOOP   too many symlinks, or VFS_O_NOFOLLOW and the last is a symlink
 *  -EACCES  permission bits deny the access or a search
 *  -EINVAL  bad flags
 *  -EMFILE  descriptor table full; -ENOSPC inode limit; -ENOMEM
 *  -ENAMETOOLONG, -EBADF (dirfd)
 */
int vfs_openat(struct vfs *fs, int dirfd, const char *path, int flags,
               uint32_t perm);

/* Stamps the times marked for update (vfs_read, vfs_write, vfs_readdir,
 * vfs_readlinkat) with the clock now, if there are any. A caller that
 * reads a clock of its own, or waits, calls it first, so that no file's
 * times come later than what it saw. */
void vfs_sync_times(struct vfs *fs);

/* Closes fd. -EBADF if not open. Removing the last descriptor of an
 * unlinked file frees it. */
int vfs_close(struct vfs *fs, int fd);

/* Reads/writes at and advances the description's offset. Writes with
 * VFS_O_APPEND go to the end. Returns bytes moved, or -EBADF (not open for
 * that direction), -EISDIR (read of a directory), -ENOSPC / -EFBIG / -ENOMEM
 * (nothing written), -EAGAIN (pipe or device would block), -EPIPE (pipe
 * without readers). A write that fits partly is short, not an error.
 * Timestamps: a write that moves data sets mtime and ctime; a read of a
 * regular file that returns data sets atime (strictatime, not relatime).
 * They are marked for update, as POSIX allows (XBD 4.9), and take the
 * clock's reading at the next of: the filesystem's next clock read for any
 * other timestamp, a stat of the file, marks on a fifth file (four files
 * hold marks at most), the file's removal, or vfs_sync_times. So a file's
 * times are never later than a time set after them, and a series of reads
 * and writes reads the clock once.
 * Mode: as on Linux for an unprivileged writer, a write that moves data,
 * and any truncation (also VFS_O_TRUNC), clear set-user-ID, and
 * set-group-ID if group execute is set. */
ssize_t vfs_read(struct vfs *fs, int fd, void *buf, size_t len);
ssize_t vfs_write(struct vfs *fs, int fd, const void *buf, size_t len);

/* Scatter/gather versions; one offset update for the whole vector. */
struct vfs_iovec {
    void *base;
    size_t len;
};
ssize_t vfs_readv(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                  int iovcnt);
ssize_t vfs_writev(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                   int iovcnt);

/* Positional versions; the offset is not changed. -ESPIPE on pipes and
 * devices, -EINVAL on a negative offset. As on Linux, pwrite on a
 * VFS_O_APPEND descriptor appends. */
ssize_t vfs_pread(struct vfs *fs, int fd, void *buf, size_t len,
                  int64_t offset);
ssize_t vfs_pwrite(struct vfs *fs, int fd, const void *buf, size_t len,
                   int64_t offset);
ssize_t vfs_preadv(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                   int iovcnt, int64_t offset);
ssize_t vfs_pwritev(struct vfs *fs, int fd, const struct vfs_iovec *iov,
                    int iovcnt, int64_t offset);

/* Returns the new offset. -EINVAL bad whence, negative result or (as
 * tmpfs) VFS_SEEK_END on a directory, -ESPIPE on pipes, -EBADF. Seeking
 * past the end is allowed (a later write leaves a hole). Devices accept
 * any seek and report offset 0. */
int64_t vfs_lseek(struct vfs *fs, int fd, int64_t offset, int whence);

/* lseek's VFS_SEEK_DATA / VFS_SEEK_HOLE, as Linux's (a separate call so
 * that programs that never look for holes do not carry it): moves to and
 * returns the first data / hole byte at or after offset, in whole 4 KiB
 * blocks (a block with any byte held or borrowed is data; the end of the
 * file is a hole). -EINVAL another whence or not a regular file, -ENXIO
 * offset negative or at or past the end, or (VFS_SEEK_DATA) no data
 * after it; -EBADF. */
int64_t vfs_lseek_holes(struct vfs *fs, int fd, int64_t offset, int whence);

/* Sets the size; growing leaves a hole. -EINVAL negative length, not a
 * regular file, or (ftruncate, as Linux) fd not open for writing; -EBADF fd
 * not open (or VFS_O_PATH); -EISDIR (path is a directory), -EFBIG, -ENOSPC,
 * -ENOMEM; path errors as vfs_openat. */
int vfs_ftruncate(struct vfs *fs, int fd, int64_t length);
int vfs_truncateat(struct vfs *fs, int dirfd, const char *path,
                   int64_t length);

/* Ensures [offset, offset+len) is inside the file (grows size, as
 * posix_fallocate). -EINVAL len <= 0 or offset < 0, -ENODEV not a regular
 * file, -EBADF not open for writing, -ENOSPC, -EFBIG. */
int vfs_fallocate(struct vfs *fs, int fd, int64_t offset, int64_t len);

/* Nothing to flush; validates fd. -EBADF, -EINVAL on pipes. */
int vfs_fsync(struct vfs *fs, int fd);

/* ---- metadata ---------------------------------------------------------- */

struct vfs_stat {
    uint64_t dev;       /* the same for every inode of one filesystem */
    uint64_t ino;       /* distinct among live inodes, never 0 */
    uint32_t mode;      /* VFS_S_IF* type | permission bits */
    uint32_t nlink;
    uint32_t uid, gid;  /* always 0 */
    uint64_t rdev;
    int64_t size;       /* bytes; symlink: target length; directory: 0 */
    int64_t blocks;     /* 512-byte units of memory actually held */
    int32_t blksize;
    uint32_t flags;     /* VFS_ST_MOVED or 0 */
    struct timespec atime, mtime, ctime;
};

/* vfs_stat.flags: a directory that rename() has moved or renamed since it
 * was made (its name or parent is not the one it was made with). Exports
 * of "what changed" use it to write such a directory with all it holds. */
#define VFS_ST_MOVED 1u

int vfs_fstat(struct vfs *fs, int fd, struct vfs_stat *st);
/* flags: VFS_AT_SYMLINK_NOFOLLOW (lstat). */
int vfs_fstatat(struct vfs *fs, int dirfd, const char *path,
                struct vfs_stat *st, int flags);

/* ts[0] = access, ts[1] = modification; tv_nsec may be VFS_UTIME_NOW or
 * VFS_UTIME_OMIT; ts NULL means both now. Both VFS_UTIME_OMIT: returns 0
 * without looking at path or fd (as Linux). -EINVAL bad tv_nsec (checked
 * after the path or fd, as Linux does) or flags. */
int vfs_utimensat(struct vfs *fs, int dirfd, const char *path,
                  const struct timespec ts[2], int flags);
int vfs_futimens(struct vfs *fs, int fd, const struct timespec ts[2]);

/* Permission bits only (07777 is kept, other bits ignored). */
int vfs_fchmod(struct vfs *fs, int fd, uint32_t perm);
int vfs_fchmodat(struct vfs *fs, int dirfd, const char *path, uint32_t perm,
                 int flags);

/* amode: VFS_F_OK or an or of VFS_R_OK, W_OK, X_OK. The single user is the
 * owner: the owner bits decide. -EACCES when denied, -EINVAL bad amode. */
int vfs_faccessat(struct vfs *fs, int dirfd, const char *path, int amode,
                  int flags);

/* Sets the umask (only 0777 kept) and returns the previous one. */
uint32_t vfs_umask(struct vfs *fs, uint32_t mask);

/* ---- names ------------------------------------------------------------- */

/* Mode: perm & 01777 & ~umask, plus set-group-ID when the parent has it
 * (as Linux). -EEXIST (anything there, even a dangling symlink), -ENOENT,
 * -ENOTDIR, -EACCES, -ENOSPC, -ENOMEM, -ENAMETOOLONG. */
int vfs_mkdirat(struct vfs *fs, int dirfd, const char *path, uint32_t perm);

/* flags 0: unlink a non-directory (-EISDIR on a directory);
 * VFS_AT_REMOVEDIR: rmdir (-ENOTDIR on a non-directory, -ENOTEMPTY,
 * -EBUSY on "/", -EINVAL when the last component is "."). */
int vfs_unlinkat(struct vfs *fs, int dirfd, const char *path, int flags);

/* rename(2): atomically replaces the target. -EISDIR (non-dir onto dir),
 * -ENOTDIR (dir onto non-dir), -ENOTEMPTY, -EINVAL (directory into its own
 * subtree), -EBUSY ("/"), never -EXDEV. Same inode: no-op success. */
int vfs_renameat(struct vfs *fs, int olddirfd, const char *oldpath,
                 int newdirfd, const char *newpath);

/* link(2): -EPERM on a directory, -EEXIST, -EMLINK. flags:
 * VFS_AT_SYMLINK_FOLLOW (otherwise a symlink itself is linked). */
int vfs_linkat(struct vfs *fs, int olddirfd, const char *oldpath,
               int newdirfd, const char *newpath, int flags);

/* Creates a symlink whose target is stored verbatim (any non-empty string
 * shorter than VFS_PATH_MAX). -ENOENT empty target. */
int vfs_symlinkat(struct vfs *fs, const char *target, int dirfd,
                  const char *linkpath);

/* Copies the target (not NUL-terminated) into buf, truncating to bufsize.
 * Returns the bytes copied. -EINVAL not a symlink or bufsize 0. As on
 * Linux, an empty path reads the symlink open (VFS_O_PATH |
 * VFS_O_NOFOLLOW) on dirfd: -EBADF dirfd not open, -ENOENT not a symlink. */
ssize_t vfs_readlinkat(struct vfs *fs, int dirfd, const char *path,
                       char *buf, size_t bufsize);

/* Writes the canonical absolute path (no ".", "..", symlinks, repeated or
 * trailing slashes) of path, NUL-terminated, into buf. Returns its length.
 * -ERANGE buf too small; path errors as vfs_fstatat. */
int vfs_realpath(struct vfs *fs, int dirfd, const char *path, char *buf,
                 size_t size);

/* Absolute path of the directory open on fd (for fchdir), as vfs_realpath.
 * -ENOTDIR not a directory, -ENOENT the directory was removed. */
int vfs_fd_path(struct vfs *fs, int fd, char *buf, size_t size);

/* ---- directories ------------------------------------------------------- */

struct vfs_dirent {
    uint64_t next;      /* cookie that resumes after this entry */
    uint64_t ino;
    uint32_t type;      /* VFS_S_IF* of the entry */
    uint32_t namelen;
    const char *name;   /* not NUL-terminated; valid during the callback */
};

/*
 * Lists the directory open on fd, starting after `cookie` (0 = from the
 * start; "." and ".." come first). Calls emit for each entry until it
 * returns non-zero or the listing ends. Stable under change: an entry that
 * is neither removed nor added between calls is listed exactly once over a
 * whole walk that resumes with the `next` cookies. Cookie lookup is
 * O(log n). Returns 0, or -EBADF, -ENOTDIR, -ENOENT (the directory was
 * removed, as Linux), or the first negative value emit returned. emit must
 * not call back into the filesystem.
 */
int vfs_readdir(struct vfs *fs, int fd, uint64_t cookie,
                int (*emit)(void *ctx, const struct vfs_dirent *ent),
                void *ctx);

/* ---- descriptors ------------------------------------------------------- */

/* dup(2). -EBADF, -EMFILE. */
int vfs_dup(struct vfs *fs, int fd);
/* F_DUPFD / F_DUPFD_CLOEXEC: lowest free descriptor >= minfd. -EINVAL
 * minfd out of range. */
int vfs_dupfd(struct vfs *fs, int fd, int minfd, int cloexec);
/* dup2(2): oldfd == newfd returns newfd after checking oldfd. */
int vfs_dup2(struct vfs *fs, int oldfd, int newfd);
/* dup3(2): flags 0 or VFS_O_CLOEXEC; -EINVAL when oldfd == newfd. */
int vfs_dup3(struct vfs *fs, int oldfd, int newfd, int flags);
/*
 * chdir(2) for an embedder that keeps the current directory in descriptor
 * cwdfd: makes cwdfd a VFS_O_PATH descriptor of the directory at path
 * (relative to dirfd, symlinks followed), closing what cwdfd had, as
 * open(path, O_PATH | O_DIRECTORY) then dup2 onto cwdfd would, but needing
 * no free descriptor. The directory must be searchable (-EACCES);
 * -ENOTDIR, -ENOENT and the other lookup errors as for vfs_openat; -EBADF
 * when cwdfd is out of range. On an error cwdfd is unchanged. fchdir(fd)
 * is vfs_chdirat(fs, cwdfd, fd, ".").
 */
int vfs_chdirat(struct vfs *fs, int cwdfd, int dirfd, const char *path);

/* F_GETFL: access mode and status flags. F_SETFL: only VFS_O_SETTABLE bits
 * change, others are ignored. */
int vfs_fd_get_flags(struct vfs *fs, int fd);
int vfs_fd_set_flags(struct vfs *fs, int fd, int flags);
/* F_GETFD / F_SETFD: returns 1 or 0 / sets. */
int vfs_fd_get_cloexec(struct vfs *fs, int fd);
int vfs_fd_set_cloexec(struct vfs *fs, int fd, int cloexec);

/* Whether fd is open: 0 or -EBADF. */
int vfs_fd_check(struct vfs *fs, int fd);

/* pipe2(2): fds[0] read end, fds[1] write end. flags: VFS_O_NONBLOCK,
 * VFS_O_CLOEXEC. A read of an empty pipe whose write end is open returns
 * -EAGAIN (nothing else can fill it in a single thread); with no writers,
 * 0. A write with no readers gives -EPIPE; a full pipe takes what fits, or
 * -EAGAIN when none does. */
int vfs_pipe(struct vfs *fs, int fds[2], int flags);

/* Returns the VFS_POLL* events among `events` ready now on fd, plus
 * VFS_POLLHUP/VFS_POLLERR as they apply. Regular files and directories are
 * always ready. -EBADF. */
int vfs_poll(struct vfs *fs, int fd, int events);

/* ---- locks ------------------------------------------------------------- */

#define VFS_LOCK_UN 0
#define VFS_LOCK_RD 1
#define VFS_LOCK_WR 2

/* A POSIX record lock (fcntl F_GETLK/F_SETLK/F_SETLKW). The range is
 * [start, start+len) after applying whence (VFS_SEEK_*); len 0 means to the
 * end of file and beyond; a negative len covers [start+len, start). */
struct vfs_lock {
    int type;           /* VFS_LOCK_* */
    int whence;
    int64_t start;
    int64_t len;
};

/*
 * One process holds all the locks, and a process's own record locks never
 * conflict with each other, so VFS_LOCK set always succeeds once validated
 * and get always reports VFS_LOCK_UN. Errors: -EBADF (fd not open, or the
 * lock type needs read/write access the descriptor lacks), -EINVAL (bad
 * type or whence, or a range before offset 0).
 */
int vfs_lock_get(struct vfs *fs, int fd, struct vfs_lock *lk);
int vfs_lock_set(struct vfs *fs, int fd, const struct vfs_lock *lk);

#define VFS_FLOCK_SH 1
#define VFS_FLOCK_EX 2
#define VFS_FLOCK_UN 8
#define VFS_FLOCK_NB 4

/*
 * flock(2): a lock belongs to the open file description, so two separate
 * opens of one file conflict even within one process. A conflicting request
 * returns -EWOULDBLOCK with VFS_FLOCK_NB, and -EDEADLK without it (waiting
 * could never end in a single thread). -EINVAL bad operation, -EBADF.
 */
int vfs_flock(struct vfs *fs, int fd, int op);

/* ---- borrowed data and lazily filled directories ------------------------ */

/*
 * For trees that already sit in memory (a read-only image in the module's
 * data): files whose contents are borrowed, not copied, and directories
 * whose entries are made the first time anything needs them, so that
 * mounting a tree of any size costs the same.
 *
 * Borrowed contents. A regular file made by vfs_fill_add reads its bytes
 * straight from the caller's memory, which must stay unchanged and outlive
 * the file; the filesystem never writes it. The first write into a
 * VFS__BLOCK-sized block (4096 bytes) copies that block into memory the
 * filesystem holds (copy on write), so a file changed in one place holds
 * one block; truncation forgets the borrowed bytes past the new size.
 * Borrowed bytes count neither against max_bytes nor in st_blocks (they
 * are not memory the filesystem holds); everything else (names, symlink
 * targets, copied blocks) counts as usual.
 *
 * Lazy directories. A directory with a pending fill has its fill called
 * once, the first time path resolution looks a name up in it or reaches it
 * (stat, open, rmdir, rename, readdir on a descriptor), before anything
 * else happens there. The fill adds entries with vfs_fill_add and returns
 * 0, or a negative errno: then every entry it added is removed again, the
 * fill stays pending (it is called again next time), and the call that
 * needed the directory fails with that error. Entries a fill adds do not
 * change the directory's times. A fill must not call any other vfs_
 * function.
 */
struct vfs_filler;

/* A fill: ctx is the value given with it. */
typedef int (*vfs_fill_fn)(void *ctx, struct vfs_filler *f);

/* One entry for vfs_fill_add. */
struct vfs_entry {
    const char *name;   /* one component: not empty, no '/', not "." or
                           "..", not NUL-terminated */
    size_t namelen;     /* at most VFS_NAME_MAX */
    uint32_t mode;      /* VFS_S_IFREG, VFS_S_IFDIR or VFS_S_IFLNK, or'ed
                           with permission bits (07777), kept as given: no
                           umask */
    int64_t mtime;      /* nanoseconds since the epoch; also atime, ctime */
    const void *data;   /* file: its contents, borrowed (see above);
                           symlink: the target, copied */
    size_t size;        /* bytes at data; a symlink's target is 1 to
                           VFS_PATH_MAX-1 bytes */
    vfs_fill_fn fill;   /* directory: NULL (empty), or its pending fill */
    void *fill_ctx;
};

/*
 * Gives the existing directory at path (symlinks followed) a pending fill.
 * A fill it had pending already runs first (resolving the path does that),
 * so fills given one after the other all happen, in order. Returns 0, or
 * -ENOTDIR, -EINVAL (fill NULL), or path errors as vfs_fstatat (among
 * them an error of the earlier fill).
 */
int vfs_lazy_dir(struct vfs *fs, int dirfd, const char *path, vfs_fill_fn fill,
                 void *ctx);

/*
 * Inside a fill: adds an entry to the directory being filled. When the name
 * exists already, a directory entry with a fill meets an existing directory
 * that has none by giving it this fill (0); otherwise the existing entry
 * stays and the call returns -EEXIST. Returns 0, or -EINVAL (a bad name,
 * type, or symlink size), -EEXIST, -EMLINK (a directory in a directory
 * with the most links), -ENOSPC (inode or byte limit), -ENOMEM.
 */
int vfs_fill_add(struct vfs_filler *f, const struct vfs_entry *e);

/* ---- filesystem -------------------------------------------------------- */

struct vfs_statvfs {
    uint64_t bsize;     /* 4096 */
    uint64_t blocks, bfree;   /* of max_bytes, in bsize units */
    uint64_t files, ffree;    /* inodes */
    uint64_t namemax;   /* VFS_NAME_MAX */
};
int vfs_statvfs(struct vfs *fs, struct vfs_statvfs *st);

/*
 * Checks every internal invariant (link counts, directory tables, byte and
 * inode accounting, descriptor table). Returns 0 when consistent, or -EIO
 * and writes a one-line description into why (if non-NULL). For tests;
 * debug builds also run it on entry and exit of every mutator.
 */
int vfs_check(const struct vfs *fs, char *why, size_t whysize);

#ifdef __cplusplus
}
#endif

#endif
