/*
 * host_seek.c - seeking on the host's standard streams. Linux's lseek
 * works on a regular file whatever descriptor it is on (stdin redirected
 * from a file: `prog < data`) and fails with ESPIPE on a pipe, terminal
 * or socket. The host's fd_seek is asked; a host that refuses because
 * the descriptor has no seek right (Node: ENOTCAPABLE on a pipe or a
 * terminal) is answered ESPIPE, what Linux says of such a stream.
 */
#include "../internal.h"

int32_t __wasi_vfs_host_seek(int32_t h, int64_t offset, int32_t whence,
                             __wasi_filesize_t *newoffset)
{
    int32_t e = __wasi_vfs_host_fd_seek(h, offset, whence, newoffset);
    return e == __WASI_ERRNO_NOTCAPABLE ? __WASI_ERRNO_SPIPE : e;
}
