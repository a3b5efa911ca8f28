/*
 * socket.c - the socket calls on the module's descriptors. The filesystem
 * holds no sockets and the module imports no socket function, so nothing
 * reaches the host: a descriptor the program has open (a file, directory,
 * pipe, device or standard stream) gives ENOTSOCK, one it has not gives
 * EBADF, as Linux answers for a descriptor that is not a socket.
 * wasi-libc's shutdown, send, recv and accept call the preview1 functions
 * defined here; getsockopt replaces wasi-libc's, which answers
 * ENOPROTOOPT before looking at the descriptor.
 */
#include <errno.h>
#include <sys/socket.h>

#include "../internal.h"

/* 0 when fd is none of the program's open descriptors' (EBADF), else
 * ENOTSOCK; as WASI errno values. */
static int32_t not_a_socket(int32_t fd)
{
    struct vfs *fs;
    int r;
    if (!__wasi_vfs_user_fd(fd))
        return __WASI_ERRNO_BADF;
    if (!(fs = __wasi_vfs()))
        return __WASI_ERRNO_NOMEM;
    r = vfs_fd_check(fs, fd);
    return r < 0 ? -r : __WASI_ERRNO_NOTSOCK;
}

int32_t __imported_wasi_snapshot_preview1_sock_accept(int32_t fd,
                                                      int32_t flags,
                                                      int32_t *out)
{
    (void)flags;
    (void)out;
    return not_a_socket(fd);
}

int32_t __imported_wasi_snapshot_preview1_sock_recv(
    int32_t fd, int32_t iovs, int32_t n, int32_t flags, int32_t nread,
    int32_t oflags)
{
    (void)iovs, (void)n, (void)flags, (void)nread, (void)oflags;
    return not_a_socket(fd);
}

int32_t __imported_wasi_snapshot_preview1_sock_send(int32_t fd,
                                                    int32_t iovs, int32_t n,
                                                    int32_t flags,
                                                    int32_t nwritten)
{
    (void)iovs, (void)n, (void)flags, (void)nwritten;
    return not_a_socket(fd);
}

int32_t __imported_wasi_snapshot_preview1_sock_shutdown(int32_t fd,
                                                        int32_t how)
{
    (void)how;
    return not_a_socket(fd);
}

int getsockopt(int fd, int level, int name, void *restrict value,
               socklen_t *restrict len)
{
    (void)level, (void)name, (void)value, (void)len;
    errno = not_a_socket(fd);
    return -1;
}
