/*
 * wasi_path_open.c - path_open, for wasi-libc code that opens through WASI
 * (the overlay's own open() calls the vfs core directly, with the mode).
 * Read and write rights requested become the access mode; files are
 * created with mode 0666 (less the umask), as WASI carries no mode.
 */
#include "../internal.h"

#define R_READ (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR)
#define R_WRITE                                                         \
    (__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ALLOCATE |               \
     __WASI_RIGHTS_FD_FILESTAT_SET_SIZE)

int32_t __imported_wasi_snapshot_preview1_path_open(
    int32_t dirfd, int32_t lookup, const char *path, int32_t len,
    int32_t oflags, int64_t base, int64_t inheriting, int32_t fdflags,
    __wasi_fd_t *out)
{
    struct vfs *fs;
    char buf[VFS_PATH_MAX];
    int r = __wasi_vfs_path_in(&fs, path, len, buf), fl;
    (void)inheriting;

    if (r)
        return r;
    if (__wasi_vfs_fault(out, sizeof *out))
        return __WASI_ERRNO_FAULT;
    fl = base & R_WRITE ? (base & R_READ ? VFS_O_RDWR : VFS_O_WRONLY)
                        : (base & R_READ ? VFS_O_RDONLY : VFS_O_PATH);
    if (oflags & __WASI_OFLAGS_CREAT)
        fl |= VFS_O_CREAT;
    if (oflags & __WASI_OFLAGS_EXCL)
        fl |= VFS_O_EXCL;
    if (oflags & __WASI_OFLAGS_TRUNC)
        fl |= VFS_O_TRUNC;
    if (oflags & __WASI_OFLAGS_DIRECTORY)
        fl |= VFS_O_DIRECTORY;
    if (!(lookup & __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW))
        fl |= VFS_O_NOFOLLOW;
    if (fdflags & __WASI_FDFLAGS_APPEND)
        fl |= VFS_O_APPEND;
    if (fdflags & __WASI_FDFLAGS_NONBLOCK)
        fl |= VFS_O_NONBLOCK;
    r = vfs_openat(fs, __wasi_vfs_dirfd(dirfd), buf, fl, 0666);
    if (r < 0)
        return -r;
    *out = (__wasi_fd_t)r;
    return 0;
}
