/*
 * p2_close.c - close and __wasilibc_fd_renumber for wasm32-wasip2-vfs, as
 * wasi-libc defines them for preview1: the descriptor goes to fd_close
 * (fd_renumber), which the overlay serves. Debian 13's wasm32-wasip2
 * wasi-libc defines them in one member together with the release of
 * wasi:sockets handles, which would make every program import
 * wasi:sockets; this triple has no host sockets, so this file replaces
 * the whole member: close and __wasilibc_fd_renumber return 0, or -1 with
 * errno set from the preview1 errno, and the member's public helpers
 * drop_tcp_socket, drop_udp_socket and drop_udp_socket_streams (which
 * release a socket's handles; nothing else in wasi-libc calls them) have
 * no handle to release and do nothing.
 */
#include <errno.h>
#include <unistd.h>
#include "p2.h"

int close(int fd)
{
    __wasi_errno_t e = __wasi_fd_close(fd);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}

int __wasilibc_fd_renumber(int fd, int newfd)
{
    __wasi_errno_t e = __wasi_fd_renumber(fd, newfd);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}

void drop_tcp_socket(void *socket)
{
    (void)socket;
}

void drop_udp_socket(void *socket)
{
    (void)socket;
}

void drop_udp_socket_streams(void *streams)
{
    (void)streams;
}
