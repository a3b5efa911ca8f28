/* poll_oneoff on host descriptors. */
#include "../internal.h"
#include "imports.h"

#define TIMER_USERDATA UINT64_MAX

int __wasi_io__host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns)
{
    /* Two subscriptions per entry at most, plus the clock. */
    __wasi_subscription_t subs[2 * WASI_IO_POLL_MAX + 1];
    __wasi_event_t events[2 * WASI_IO_POLL_MAX + 1];
    size_t nsubs = 0;
    int count = 0;

    if (n > WASI_IO_POLL_MAX)
        return WASI_IO_EINVAL;
    for (size_t i = 0; i < n; i++) {
        fds[i].revents = 0;
        for (int w = 0; w < 2; w++) {
            if (!(fds[i].events & (w ? WASI_IO_HOST_WRITABLE : WASI_IO_HOST_READABLE)))
                continue;
            __wasi_subscription_t *s = &subs[nsubs++];
            s->userdata = 2 * (uint64_t)i + (uint64_t)w;
            s->u.tag =
                w ? __WASI_EVENTTYPE_FD_WRITE : __WASI_EVENTTYPE_FD_READ;
            s->u.u.fd_read.file_descriptor = (__wasi_fd_t)fds[i].fd;
        }
    }
    if (timeout_ns >= 0) {
        __wasi_subscription_t *s = &subs[nsubs++];
        s->userdata = TIMER_USERDATA;
        s->u.tag = __WASI_EVENTTYPE_CLOCK;
        s->u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
        s->u.u.clock.timeout = (__wasi_timestamp_t)timeout_ns;
        s->u.u.clock.precision = 0;
        s->u.u.clock.flags = 0;
    }
    if (nsubs == 0)
        return WASI_IO_EINVAL; /* nothing to wait for, and no time limit */

    __wasi_size_t nevents = 0;
    int32_t e = __wasi_io__import_poll_oneoff(subs, events, nsubs, &nevents);
    if (e != 0) {
        if (n == 0)
            return -(int)e;
        /* The host cannot poll these descriptors (Node.js refuses regular
         * files, which are always ready): report them ready, and let the
         * next read or write say how it really is. */
        for (size_t i = 0; i < n; i++)
            fds[i].revents = fds[i].events;
        return (int)n;
    }
    for (__wasi_size_t k = 0; k < nevents; k++) {
        const __wasi_event_t *ev = &events[k];
        if (ev->userdata == TIMER_USERDATA || ev->userdata / 2 >= n)
            continue;
        wasi_io_host_pollfd *p = &fds[ev->userdata / 2];
        /* An error event counts as ready: the next call reports it. */
        p->revents |= (ev->userdata & 1) ? WASI_IO_HOST_WRITABLE : WASI_IO_HOST_READABLE;
        if (ev->error == 0 &&
            (ev->fd_readwrite.flags & __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP))
            p->revents |= WASI_IO_HOST_HANGUP;
    }
    for (size_t i = 0; i < n; i++)
        count += fds[i].revents != 0;
    return count;
}

int wasi_io_host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns)
{
    return __wasi_io__host_poll(fds, n, timeout_ns);
}
