/*
 * wasi_poll.c - poll_oneoff (poll, select, sleep, ioctl FIONREAD).
 *
 * Clock subscriptions and descriptors on host streams are the host's
 * business and are passed to it (with the host's descriptor numbers);
 * descriptors of the virtual filesystem are answered by vfs_poll at once.
 * When a virtual descriptor is ready, host streams are only sampled (zero
 * timeout; a host error then is ignored) and the call returns without
 * waiting. When none is and nothing
 * is left for the host either (a pipe nobody else can fill), the call
 * returns no events rather than wait for ever: poll() then reports a
 * timeout.
 *
 * Virtual descriptors: readiness comes with nbytes 0; end of stream on a
 * pipe sets the HANGUP flag; an error condition (a pipe without readers) is
 * reported as EPIPE, a bad descriptor as EBADF, as wasi-libc's poll expects.
 */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

static int is_fd(const __wasi_subscription_t *s)
{
    return s->u.tag == __WASI_EVENTTYPE_FD_READ ||
           s->u.tag == __WASI_EVENTTYPE_FD_WRITE;
}

/* Answers a subscription on a virtual descriptor: 1 and *ev filled when it
 * is ready (or failed), else 0. */
static int vfs_event(struct vfs *fs, const __wasi_subscription_t *s,
                     __wasi_event_t *ev)
{
    int rd = s->u.tag == __WASI_EVENTTYPE_FD_READ;
    int want = rd ? VFS_POLLIN : VFS_POLLOUT;
    int r = vfs_poll(fs, (int)s->u.u.fd_read.file_descriptor, want);

    if (r >= 0 && !(r & (want | VFS_POLLHUP | VFS_POLLERR)))
        return 0;
    memset(ev, 0, sizeof *ev);
    ev->userdata = s->userdata;
    ev->type = s->u.tag;
    if (r < 0)
        ev->error = (__wasi_errno_t)-r;
    else if (r & VFS_POLLERR)
        ev->error = __WASI_ERRNO_PIPE;
    else if (r & VFS_POLLHUP)
        ev->fd_readwrite.flags = __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP;
    return 1;
}

int32_t __imported_wasi_snapshot_preview1_poll_oneoff(
    const __wasi_subscription_t *in, __wasi_event_t *out, int32_t n,
    __wasi_size_t *nevents)
{
    struct vfs *fs;
    __wasi_subscription_t *hs;
    __wasi_event_t *hev;
    __wasi_size_t ready = 0, nhost = 0, got = 0, i;
    int32_t e = 0;
    int clocks = 0, h;

    /* 2^26 subscriptions would not fit in memory; fewer fit in a size_t */
    if ((uint32_t)n >> 26 ||
        __wasi_vfs_fault(in, (uint32_t)n * sizeof *in) ||
        __wasi_vfs_fault(out, (uint32_t)n * sizeof *out) ||
        __wasi_vfs_fault(nevents, sizeof *nevents))
        return __WASI_ERRNO_FAULT;
    __wasi_vfs_time_seen(); /* a wait: the time moves on (clock.c) */
    for (i = 0; i < (__wasi_size_t)n; i++)
        if (is_fd(&in[i]))
            break;
    if (i == (__wasi_size_t)n) /* clocks only: a sleep */
        return __wasi_vfs_host_poll_oneoff(in, out, n, nevents);

    fs = __wasi_vfs();
    hs = fs ? malloc(((size_t)n + 1) * (sizeof *hs + sizeof *hev)) : NULL;
    if (!hs)
        return __WASI_ERRNO_NOMEM;
    hev = (__wasi_event_t *)(hs + n + 1);

    for (i = 0; i < (__wasi_size_t)n; i++) {
        const __wasi_subscription_t *s = &in[i];
        if (!is_fd(s)) {
            hs[nhost++] = *s;
            clocks++;
        } else if ((h = __wasi_vfs_host_fd(
                        fs, (int)s->u.u.fd_read.file_descriptor)) >= 0) {
            hs[nhost] = *s;
            hs[nhost++].u.u.fd_read.file_descriptor = (__wasi_fd_t)h;
        } else if (vfs_event(fs, s, &out[ready])) {
            ready++;
        }
    }

    if (ready && nhost > (__wasi_size_t)clocks) {
        /* Sample the host streams: their subscriptions, then one clock
         * that expires at once (instead of the program's clocks). */
        __wasi_size_t k = 0;
        for (i = 0; i < nhost; i++)
            if (is_fd(&hs[i]))
                hs[k++] = hs[i];
        memset(&hs[k], 0, sizeof hs[k]);
        hs[k].u.tag = __WASI_EVENTTYPE_CLOCK;
        hs[k].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
        if (__wasi_vfs_host_poll_oneoff(hs, hev, (int32_t)(k + 1), &got))
            got = 0; /* the ready virtual descriptors are answer enough */
        for (i = 0; i < got; i++)
            if (hev[i].type != __WASI_EVENTTYPE_CLOCK)
                out[ready++] = hev[i];
    } else if (!ready && nhost) {
        e = __wasi_vfs_host_poll_oneoff(hs, hev, (int32_t)nhost, &got);
        for (i = 0; !e && i < got; i++)
            out[ready++] = hev[i];
    }
    free(hs);
    if (e)
        return e;
    *nevents = ready;
    return 0;
}
