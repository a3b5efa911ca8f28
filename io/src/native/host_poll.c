/* Native builds: host descriptors are the system's, polled with poll(2). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <poll.h>

#include "../internal.h"

int __wasi_io__host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns)
{
    struct pollfd p[WASI_IO_POLL_MAX];
    int ms = timeout_ns < 0 ? -1
             : timeout_ns / 1000000 >= INT_MAX ? INT_MAX
             : (int)((timeout_ns + 999999) / 1000000);
    int r;

    if (n == 0 && ms < 0)
        return WASI_IO_EINVAL;
    if (n > WASI_IO_POLL_MAX)
        return WASI_IO_EINVAL;
    for (size_t i = 0; i < n; i++) {
        p[i].fd = fds[i].fd;
        short ev = 0;
        if (fds[i].events & WASI_IO_HOST_READABLE)
            ev |= POLLIN;
        if (fds[i].events & WASI_IO_HOST_WRITABLE)
            ev |= POLLOUT;
        p[i].events = ev;
        p[i].revents = 0;
    }
    do
        r = poll(p, (nfds_t)n, ms);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        r = __wasi_io__from_errno(errno);
    } else {
        r = 0;
        for (size_t i = 0; i < n; i++) {
            short got = p[i].revents;
            fds[i].revents = 0;
            if (got & (POLLERR | POLLNVAL | POLLHUP))
                fds[i].revents = fds[i].events; /* next call reports it */
            if (got & POLLIN)
                fds[i].revents |= WASI_IO_HOST_READABLE;
            if (got & POLLOUT)
                fds[i].revents |= WASI_IO_HOST_WRITABLE;
            if (got & POLLHUP)
                fds[i].revents |= WASI_IO_HOST_HANGUP;
            r += fds[i].revents != 0;
        }
    }
    return r;
}
