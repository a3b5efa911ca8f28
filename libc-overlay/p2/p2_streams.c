/*
 * p2_streams.c - the host's descriptors 0, 1, 2 for the overlay
 * (__wasi_vfs_host_fd_read, _fd_write, _fd_fdstat_get, _fd_seek) over
 * wasi:cli/stdin, stdout, stderr and wasi:io/streams.
 *
 * Contracts, as the preview1 functions they replace: 0 or a preview1
 * errno. Descriptor 0 reads, 1 and 2 write; anything else is EBADF.
 * __wasi_p2_read and __wasi_p2_write do the same on any stream (p2.h). A
 * read blocks until at least one byte is there and returns 0 bytes at
 * the end of the stream; a write writes everything (4096 bytes per
 * blocking-write-and-flush, the most the interface takes) or fails with
 * EIO (EPIPE when the host closed the stream). Streams do not seek:
 * fd_seek is ESPIPE, as on a pipe. fd_fdstat_get says CHARACTER_DEVICE
 * with no seek rights for a terminal (isatty is true), UNKNOWN otherwise.
 */
#include <string.h>
#include "p2.h"

#define WASI_P2_WRITE_MAX 4096

static int got_in, got_out[3];
static streams_own_input_stream_t in;
static streams_own_output_stream_t out[3];

/* The preview1 errno of a failed stream operation; the error resource a
 * failure carries is released. */
static int32_t failed(streams_stream_error_t *err, int32_t closed)
{
    if (err->tag == STREAMS_STREAM_ERROR_LAST_OPERATION_FAILED) {
        io_error_error_drop_own(err->val.last_operation_failed);
        return __WASI_ERRNO_IO;
    }
    return closed;
}

streams_borrow_input_stream_t __wasi_p2_stdin(void)
{
    if (!got_in) {
        in = stdin_get_stdin();
        got_in = 1;
    }
    return streams_borrow_input_stream(in);
}

streams_borrow_output_stream_t __wasi_p2_stdout(int32_t fd)
{
    if (!got_out[fd]) {
        out[fd] = fd == 1 ? stdout_get_stdout() : stderr_get_stderr();
        got_out[fd] = 1;
    }
    return streams_borrow_output_stream(out[fd]);
}

int32_t __wasi_p2_read(streams_borrow_input_stream_t s, const __wasi_iovec_t *iovs,
                       int32_t n, __wasi_size_t *nread)
{
    wasip2_list_u8_t got;
    streams_stream_error_t err;
    int32_t i;

    *nread = 0;
    /* the first buffer that takes anything; a short read is a read */
    for (i = 0; i < n && iovs[i].buf_len == 0; i++)
        ;
    if (i == n)
        return 0;
    if (!streams_method_input_stream_blocking_read(s, iovs[i].buf_len, &got, &err))
        return failed(&err, 0);
    memcpy(iovs[i].buf, got.ptr, got.len);
    *nread = got.len;
    wasip2_list_u8_free(&got);
    return 0;
}

int32_t __wasi_p2_write(streams_borrow_output_stream_t s, const __wasi_ciovec_t *iovs,
                        int32_t n, __wasi_size_t *nwritten)
{
    streams_stream_error_t err;
    __wasi_size_t done = 0;
    int32_t i;

    for (i = 0; i < n; i++) {
        const uint8_t *p = iovs[i].buf;
        size_t left = iovs[i].buf_len;
        while (left) {
            size_t k = left < WASI_P2_WRITE_MAX ? left : WASI_P2_WRITE_MAX;
            wasip2_list_u8_t chunk = { (uint8_t *)p, k };
            if (!streams_method_output_stream_blocking_write_and_flush(s, &chunk, &err)) {
                *nwritten = done;
                if (done)
                    return 0;
                return failed(&err, __WASI_ERRNO_PIPE);
            }
            p += k;
            left -= k;
            done += k;
        }
    }
    *nwritten = done;
    return 0;
}

int32_t __wasi_vfs_host_fd_read(int32_t fd, const __wasi_iovec_t *iovs,
                                int32_t n, __wasi_size_t *nread)
{
    if (fd != 0)
        return __WASI_ERRNO_BADF;
    return __wasi_p2_read(__wasi_p2_stdin(), iovs, n, nread);
}

int32_t __wasi_vfs_host_fd_write(int32_t fd, const __wasi_ciovec_t *iovs,
                                 int32_t n, __wasi_size_t *nwritten)
{
    if (fd != 1 && fd != 2)
        return __WASI_ERRNO_BADF;
    return __wasi_p2_write(__wasi_p2_stdout(fd), iovs, n, nwritten);
}

/* Whether host descriptor fd (0, 1, 2) is a terminal (wasi:cli/terminal-*). */
int __wasi_p2_is_terminal(int32_t fd)
{
    if (fd == 0) {
        terminal_stdin_own_terminal_input_t t;
        if (!terminal_stdin_get_terminal_stdin(&t))
            return 0;
        terminal_input_terminal_input_drop_own(t);
        return 1;
    }
    terminal_stdout_own_terminal_output_t t;
    if (!(fd == 1 ? terminal_stdout_get_terminal_stdout(&t)
                  : terminal_stderr_get_terminal_stderr(&t)))
        return 0;
    terminal_output_terminal_output_drop_own(t);
    return 1;
}

int32_t __wasi_vfs_host_fd_fdstat_get(int32_t fd, __wasi_fdstat_t *st)
{
    if ((uint32_t)fd > 2)
        return __WASI_ERRNO_BADF;
    memset(st, 0, sizeof *st);
    st->fs_filetype = __wasi_p2_is_terminal(fd) ? __WASI_FILETYPE_CHARACTER_DEVICE
                                      : __WASI_FILETYPE_UNKNOWN;
    st->fs_rights_base = (fd == 0 ? __WASI_RIGHTS_FD_READ : __WASI_RIGHTS_FD_WRITE) |
                         __WASI_RIGHTS_POLL_FD_READWRITE;
    return 0;
}

int32_t __wasi_vfs_host_fd_seek(int32_t fd, int64_t offset, int32_t whence,
                                __wasi_filesize_t *newoffset)
{
    (void)offset;
    (void)whence;
    (void)newoffset;
    return (uint32_t)fd > 2 ? __WASI_ERRNO_BADF : __WASI_ERRNO_SPIPE;
}
