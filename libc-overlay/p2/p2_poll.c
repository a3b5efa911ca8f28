/*
 * p2_poll.c - poll for wasm32-wasip2-vfs, over preview1's poll_oneoff,
 * which the overlay serves (its pipes, files and devices; the host's
 * standard streams through p2_clocks.c). Debian 13's wasm32-wasip2
 * wasi-libc defines poll in a member that hands sockets to wasi:io/poll,
 * which would make a program that polls import wasi:sockets; this
 * triple has no host sockets, and this file replaces that member.
 *
 * Contract, as POSIX's: each entry with fd >= 0 is watched for reading
 * (POLLRDNORM, which POLLIN is) and writing (POLLWRNORM, POLLOUT), a
 * negative fd is skipped; timeout is in milliseconds (negative: none).
 * revents gets POLLRDNORM / POLLWRNORM when ready, POLLHUP when the other
 * end is gone, POLLNVAL for a descriptor that is not open, POLLERR for
 * another error. Returns the number of entries with revents set, 0 on a
 * timeout, or -1 with errno (EINVAL: too many entries; ENOMEM; or
 * poll_oneoff's error).
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include "p2.h"

#define CLOCK_USERDATA UINT64_MAX

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    __wasi_subscription_t *subs;
    __wasi_event_t *events;
    __wasi_size_t n = 0, got = 0, i;
    __wasi_errno_t e;
    int ready = 0;

    if (nfds > (1u << 24)) {
        errno = EINVAL;
        return -1;
    }
    subs = calloc(2 * nfds + 1, sizeof *subs + sizeof *events);
    if (!subs) {
        errno = ENOMEM;
        return -1;
    }
    events = (__wasi_event_t *)(subs + 2 * nfds + 1);
    for (i = 0; i < nfds; i++) {
        fds[i].revents = 0;
        if (fds[i].fd < 0)
            continue;
        if (fds[i].events & POLLRDNORM) {
            subs[n].userdata = (uint64_t)i << 1;
            subs[n].u.tag = __WASI_EVENTTYPE_FD_READ;
            subs[n++].u.u.fd_read.file_descriptor = fds[i].fd;
        }
        if (fds[i].events & POLLWRNORM) {
            subs[n].userdata = (uint64_t)i << 1 | 1;
            subs[n].u.tag = __WASI_EVENTTYPE_FD_WRITE;
            subs[n++].u.u.fd_write.file_descriptor = fds[i].fd;
        }
    }
    if (timeout >= 0) {
        subs[n].userdata = CLOCK_USERDATA;
        subs[n].u.tag = __WASI_EVENTTYPE_CLOCK;
        subs[n].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
        subs[n++].u.u.clock.timeout = (uint64_t)timeout * 1000000;
    }
    if (n == 0) { /* nothing to wait for, for ever */
        free(subs);
        errno = EINVAL;
        return -1;
    }
    e = __wasi_poll_oneoff(subs, events, n, &got);
    if (e) {
        free(subs);
        errno = e;
        return -1;
    }
    for (i = 0; i < got; i++) {
        struct pollfd *p;
        if (events[i].userdata == CLOCK_USERDATA)
            continue;
        p = &fds[events[i].userdata >> 1];
        if (events[i].error)
            p->revents |= events[i].error == __WASI_ERRNO_BADF ? POLLNVAL : POLLERR;
        else if (events[i].fd_readwrite.flags & __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP)
            p->revents |= POLLHUP;
        else
            p->revents |= events[i].userdata & 1 ? POLLWRNORM : POLLRDNORM;
    }
    for (i = 0; i < nfds; i++)
        ready += fds[i].revents != 0;
    free(subs);
    return ready;
}
