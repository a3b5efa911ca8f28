/*
 * p2io_fds.c - the descriptors of wasm32-wasip2-io: preview1's fd_* and
 * sock_* calls, which wasi-libc makes through its
 * __imported_wasi_snapshot_preview1_* names, and io/'s own imports
 * (io/src/wasm/imports.h), answered here over the host's standard streams
 * and a typed call's streams (p2io.h), so that a program imports nothing
 * of preview1 and its component needs no adapter.
 *
 * Contracts, as preview1's (0 or a preview1 errno), on a descriptor that
 * is open, as Linux answers on a pipe: read on an input, write on an
 * output (else EBADF); fdstat and filestat say CHARACTER_DEVICE for a
 * terminal, UNKNOWN otherwise, with the one right of its direction;
 * seek, tell, pread, pwrite, advise and allocate are ESPIPE; sync,
 * datasync and set_size EINVAL; setting O_NONBLOCK, rights or times, and
 * renumbering, are ENOTSUP; close forgets the descriptor; socket calls
 * are ENOTSOCK. A descriptor that is not open is EBADF everywhere.
 * poll_oneoff and clock_time_get are the bottom's (p2_clocks.c): these
 * descriptors are ready at once, and reads and writes on them block.
 */
#include <string.h>
#include <wasi_io.h>

#include "p2io.h"

enum kind { NOT_OPEN, STDIN, STDOUT, STDERR, INPUT, OUTPUT };

#define MAX_FD (P2IO_FIRST_STREAM_FD + WASI_IO_MAIN_MAX)

static struct {
    unsigned char kind;
    uint32_t handle;
} fds[MAX_FD] = {{STDIN, 0}, {STDOUT, 0}, {STDERR, 0}};

static int kind_of(int32_t fd)
{
    return (uint32_t)fd < MAX_FD ? fds[fd].kind : NOT_OPEN;
}

void __wasi_p2io_open_stream(int32_t fd, uint32_t handle, int is_output)
{
    if (fd < P2IO_FIRST_STREAM_FD || fd >= MAX_FD)
        return;
    fds[fd].kind = is_output ? OUTPUT : INPUT;
    fds[fd].handle = handle;
}

void __wasi_p2io_close_streams(void)
{
    for (int fd = P2IO_FIRST_STREAM_FD; fd < MAX_FD; fd++)
        fds[fd].kind = NOT_OPEN;
}

int __wasi_p2_host_fd(int32_t fd)
{
    return kind_of(fd) != NOT_OPEN;
}

/* EBADF when fd is not open, else `open` (the answer for a stream). */
static int32_t on_stream(int32_t fd, int32_t open)
{
    return kind_of(fd) == NOT_OPEN ? __WASI_ERRNO_BADF : open;
}

static int32_t fd_read(int32_t fd, const __wasi_iovec_t *iovs, int32_t n,
                       __wasi_size_t *nread)
{
    switch (kind_of(fd)) {
    case STDIN:
        return __wasi_p2_read(__wasi_p2_stdin(), iovs, n, nread);
    case INPUT:
        return __wasi_p2_read(streams_borrow_input_stream((streams_own_input_stream_t){
                                  (int32_t)fds[fd].handle}),
                              iovs, n, nread);
    default:
        return __WASI_ERRNO_BADF;
    }
}

static int32_t fd_write(int32_t fd, const __wasi_ciovec_t *iovs, int32_t n,
                        __wasi_size_t *nwritten)
{
    switch (kind_of(fd)) {
    case STDOUT:
        return __wasi_p2_write(__wasi_p2_stdout(1), iovs, n, nwritten);
    case STDERR:
        return __wasi_p2_write(__wasi_p2_stdout(2), iovs, n, nwritten);
    case OUTPUT:
        return __wasi_p2_write(streams_borrow_output_stream((streams_own_output_stream_t){
                                   (int32_t)fds[fd].handle}),
                               iovs, n, nwritten);
    default:
        return __WASI_ERRNO_BADF;
    }
}

static int32_t fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
{
    int k = kind_of(fd);
    if (k == NOT_OPEN)
        return __WASI_ERRNO_BADF;
    memset(st, 0, sizeof *st);
    st->fs_filetype = k <= STDERR && __wasi_p2_is_terminal(k - STDIN)
                          ? __WASI_FILETYPE_CHARACTER_DEVICE
                          : __WASI_FILETYPE_UNKNOWN;
    st->fs_rights_base = (k == STDIN || k == INPUT ? __WASI_RIGHTS_FD_READ
                                                   : __WASI_RIGHTS_FD_WRITE) |
                         __WASI_RIGHTS_POLL_FD_READWRITE;
    return 0;
}

/* ---- wasi-libc's calls ------------------------------------------------ */

#define P1(name) int32_t __imported_wasi_snapshot_preview1_##name

P1(fd_read)(int32_t fd, const __wasi_iovec_t *iovs, size_t n, __wasi_size_t *nread)
{
    return fd_read(fd, iovs, (int32_t)n, nread);
}

P1(fd_write)(int32_t fd, const __wasi_ciovec_t *iovs, size_t n, __wasi_size_t *nwritten)
{
    return fd_write(fd, iovs, (int32_t)n, nwritten);
}

P1(fd_fdstat_get)(int32_t fd, __wasi_fdstat_t *st)
{
    return fd_fdstat_get(fd, st);
}

P1(fd_filestat_get)(int32_t fd, __wasi_filestat_t *st)
{
    __wasi_fdstat_t fst;
    int32_t e = fd_fdstat_get(fd, &fst);
    if (e)
        return e;
    memset(st, 0, sizeof *st);
    st->filetype = fst.fs_filetype;
    st->nlink = 1;
    return 0;
}

P1(fd_close)(int32_t fd)
{
    if (kind_of(fd) == NOT_OPEN)
        return __WASI_ERRNO_BADF;
    fds[fd].kind = NOT_OPEN;
    return 0;
}

P1(fd_seek)(int32_t fd, int64_t off, int32_t whence, __wasi_filesize_t *pos)
{
    (void)off, (void)whence, (void)pos;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_tell)(int32_t fd, __wasi_filesize_t *pos)
{
    (void)pos;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_pread)(int32_t fd, const __wasi_iovec_t *iovs, size_t n, __wasi_filesize_t off,
             __wasi_size_t *nread)
{
    (void)iovs, (void)n, (void)off, (void)nread;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_pwrite)(int32_t fd, const __wasi_ciovec_t *iovs, size_t n, __wasi_filesize_t off,
              __wasi_size_t *nwritten)
{
    (void)iovs, (void)n, (void)off, (void)nwritten;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_advise)(int32_t fd, __wasi_filesize_t off, __wasi_filesize_t len, int32_t advice)
{
    (void)off, (void)len, (void)advice;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_allocate)(int32_t fd, __wasi_filesize_t off, __wasi_filesize_t len)
{
    (void)off, (void)len;
    return on_stream(fd, __WASI_ERRNO_SPIPE);
}

P1(fd_sync)(int32_t fd)
{
    return on_stream(fd, __WASI_ERRNO_INVAL);
}

P1(fd_datasync)(int32_t fd)
{
    return on_stream(fd, __WASI_ERRNO_INVAL);
}

P1(fd_filestat_set_size)(int32_t fd, __wasi_filesize_t size)
{
    (void)size;
    return on_stream(fd, __WASI_ERRNO_INVAL);
}

P1(fd_filestat_set_times)(int32_t fd, __wasi_timestamp_t atim, __wasi_timestamp_t mtim,
                          int32_t flags)
{
    (void)atim, (void)mtim, (void)flags;
    return on_stream(fd, __WASI_ERRNO_NOTSUP);
}

P1(fd_fdstat_set_flags)(int32_t fd, int32_t flags)
{
    return on_stream(fd, flags & __WASI_FDFLAGS_NONBLOCK ? __WASI_ERRNO_NOTSUP : 0);
}

P1(fd_fdstat_set_rights)(int32_t fd, __wasi_rights_t base, __wasi_rights_t inheriting)
{
    (void)base, (void)inheriting;
    return on_stream(fd, __WASI_ERRNO_NOTSUP);
}

P1(fd_renumber)(int32_t fd, int32_t to)
{
    return kind_of(to) == NOT_OPEN ? __WASI_ERRNO_BADF : on_stream(fd, __WASI_ERRNO_NOTSUP);
}

P1(sock_accept)(int32_t fd, int32_t flags, int32_t *conn)
{
    (void)flags, (void)conn;
    return on_stream(fd, __WASI_ERRNO_NOTSOCK);
}

P1(sock_recv)(int32_t fd, const __wasi_iovec_t *iovs, size_t n, int32_t flags,
              __wasi_size_t *nread, __wasi_roflags_t *roflags)
{
    (void)iovs, (void)n, (void)flags, (void)nread, (void)roflags;
    return on_stream(fd, __WASI_ERRNO_NOTSOCK);
}

P1(sock_send)(int32_t fd, const __wasi_ciovec_t *iovs, size_t n, int32_t flags,
              __wasi_size_t *nwritten)
{
    (void)iovs, (void)n, (void)flags, (void)nwritten;
    return on_stream(fd, __WASI_ERRNO_NOTSOCK);
}

P1(sock_shutdown)(int32_t fd, int32_t how)
{
    (void)how;
    return on_stream(fd, __WASI_ERRNO_NOTSOCK);
}

P1(poll_oneoff)(const __wasi_subscription_t *in, __wasi_event_t *out, size_t n,
                __wasi_size_t *nevents)
{
    return __wasi_vfs_host_poll_oneoff(in, out, (int32_t)n, nevents);
}

P1(clock_time_get)(int32_t id, int64_t precision, __wasi_timestamp_t *t)
{
    return __wasi_vfs_host_clock_time_get(id, precision, t);
}

/* ---- io/'s imports ---------------------------------------------------- */

/* the same calls as wasi-libc's above */
int32_t __wasi_io__import_fd_read(int32_t fd, const __wasi_iovec_t *iovs, size_t n,
                                  __wasi_size_t *nread)
    __attribute__((__alias__("__imported_wasi_snapshot_preview1_fd_read")));
int32_t __wasi_io__import_fd_write(int32_t fd, const __wasi_ciovec_t *iovs, size_t n,
                                   __wasi_size_t *nwritten)
    __attribute__((__alias__("__imported_wasi_snapshot_preview1_fd_write")));
int32_t __wasi_io__import_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
    __attribute__((__alias__("__imported_wasi_snapshot_preview1_fd_fdstat_get")));
int32_t __wasi_io__import_poll_oneoff(const __wasi_subscription_t *in, __wasi_event_t *out,
                                      size_t n, __wasi_size_t *nevents)
    __attribute__((__alias__("__imported_wasi_snapshot_preview1_poll_oneoff")));

int32_t __wasi_io__import_args_sizes_get(__wasi_size_t *argc, __wasi_size_t *size)
{
    if (__wasi_p2io_args_sizes(argc, size) == 0)
        return 0;
    return __imported_wasi_snapshot_preview1_args_sizes_get(argc, size);
}

int32_t __wasi_io__import_args_get(uint8_t **argv, uint8_t *buf)
{
    if (__wasi_p2io_args(argv, buf) == 0)
        return 0;
    return __imported_wasi_snapshot_preview1_args_get(argv, buf);
}
