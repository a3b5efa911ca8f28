/*
 * stat.c - fstat and __wasilibc_nocwd_fstatat for wasm32-wasi: wasi-libc's,
 * with st_blksize set. Preview1's filestat has no block size, so wasi-libc
 * reports 0, and code that sizes its buffers by it (or divides by it, as
 * database libraries do) fails; these report 4096, as Linux tmpfs does.
 * Every path call (stat, lstat, fstatat) reaches the host through
 * __wasilibc_nocwd_fstatat, so these two cover them all. Replaces the
 * wasi-libc members that define the same names (cmake/merge-libc.cmake).
 *
 * Fields: st_dev, st_ino, st_nlink, st_size and the three times from the
 * host; st_mode holds the file type only (preview1 has no permission
 * bits); st_blksize 4096; the rest 0. Errors: the host's errno, -1.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/api.h>
#include <wasi/libc-nocwd.h>

enum { PLAIN_BLKSIZE = 4096 };

static struct timespec plain_time(__wasi_timestamp_t t)
{
    return (struct timespec){.tv_sec = (time_t)(t / 1000000000u),
                             .tv_nsec = (long)(t % 1000000000u)};
}

static mode_t plain_type(__wasi_filetype_t type)
{
    switch (type) {
    case __WASI_FILETYPE_BLOCK_DEVICE: return S_IFBLK;
    case __WASI_FILETYPE_CHARACTER_DEVICE: return S_IFCHR;
    case __WASI_FILETYPE_DIRECTORY: return S_IFDIR;
    case __WASI_FILETYPE_REGULAR_FILE: return S_IFREG;
    case __WASI_FILETYPE_SOCKET_DGRAM:
    case __WASI_FILETYPE_SOCKET_STREAM: return S_IFSOCK;
    case __WASI_FILETYPE_SYMBOLIC_LINK: return S_IFLNK;
    default: return 0;
    }
}

/* Fills *st from the host's filestat; returns 0, or -1 with errno. */
static int plain_stat_out(__wasi_errno_t err, const __wasi_filestat_t *in,
                          struct stat *st)
{
    if (err != 0) {
        errno = err;
        return -1;
    }
    *st = (struct stat){
        .st_dev = in->dev,
        .st_ino = in->ino,
        .st_nlink = in->nlink,
        .st_size = (off_t)in->size,
        .st_mode = plain_type(in->filetype),
        .st_blksize = PLAIN_BLKSIZE,
        .st_atim = plain_time(in->atim),
        .st_mtim = plain_time(in->mtim),
        .st_ctim = plain_time(in->ctim),
    };
    return 0;
}

int fstat(int fd, struct stat *st)
{
    __wasi_filestat_t in;
    return plain_stat_out(__wasi_fd_filestat_get(fd, &in), &in, st);
}

int __wasilibc_nocwd_fstatat(int fd, const char *restrict path,
                             struct stat *restrict st, int flags)
{
    __wasi_lookupflags_t lookup = 0;
    __wasi_filestat_t in;

    if ((flags & AT_SYMLINK_NOFOLLOW) == 0)
        lookup |= __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;
    return plain_stat_out(__wasi_path_filestat_get(fd, lookup, path, &in),
                          &in, st);
}
