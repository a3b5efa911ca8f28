/*
 * p2_clocks.c - clock_time_get, clock_res_get, random_get, sched_yield
 * and the host's poll_oneoff for wasm32-wasip2-vfs, over
 * wasi:clocks/wall-clock, wasi:clocks/monotonic-clock, wasi:random and
 * wasi:io/poll.
 *
 * Contracts, as preview1's, returning 0 or a preview1 errno: the realtime
 * clock is the wall clock, the monotonic, process and thread clocks are
 * the monotonic clock (wasi-libc's process-clock emulation does the same);
 * another clock id is EINVAL. random_get fills the buffer.
 * __wasi_vfs_host_clock_time_get is the clock under the overlay's
 * clock_time_get (src/preview1/clock.c, which stamps the filesystem's
 * marked times first) and under wasm32-wasip2-io's (io/libc/wasip2).
 * __wasi_vfs_host_poll_oneoff is what the overlay's poll_oneoff leaves to
 * the host: clock subscriptions (a sleep: it waits for the earliest and
 * reports the ones due) and subscriptions on the host's descriptors
 * (__wasi_p2_host_fd: 0, 1, 2, and on wasm32-wasip2-io the streams of a
 * typed call), which are reported ready at once (reads and writes on
 * them block as needed).
 */
#include <string.h>
#include "p2.h"

static int32_t now(__wasi_clockid_t id, __wasi_timestamp_t *t)
{
    switch (id) {
    case __WASI_CLOCKID_REALTIME: {
        wall_clock_datetime_t d;
        wall_clock_now(&d);
        *t = d.seconds * 1000000000ull + d.nanoseconds;
        return 0;
    }
    case __WASI_CLOCKID_MONOTONIC:
    case __WASI_CLOCKID_PROCESS_CPUTIME_ID:
    case __WASI_CLOCKID_THREAD_CPUTIME_ID:
        *t = monotonic_clock_now();
        return 0;
    }
    return __WASI_ERRNO_INVAL;
}

int32_t __wasi_vfs_host_clock_time_get(int32_t id, int64_t precision,
                                       __wasi_timestamp_t *t)
{
    (void)precision;
    return now((__wasi_clockid_t)id, t);
}

int32_t __imported_wasi_snapshot_preview1_clock_res_get(int32_t id,
                                                        __wasi_timestamp_t *res)
{
    if (id == __WASI_CLOCKID_REALTIME) {
        wall_clock_datetime_t d;
        wall_clock_resolution(&d);
        *res = d.seconds * 1000000000ull + d.nanoseconds;
        return 0;
    }
    if ((uint32_t)id <= __WASI_CLOCKID_THREAD_CPUTIME_ID) {
        *res = monotonic_clock_resolution();
        return 0;
    }
    return __WASI_ERRNO_INVAL;
}

int32_t __imported_wasi_snapshot_preview1_random_get(uint8_t *buf, __wasi_size_t len)
{
    wasip2_list_u8_t r;

    random_get_random_bytes(len, &r);
    memcpy(buf, r.ptr, r.len < len ? r.len : len);
    wasip2_list_u8_free(&r);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_sched_yield(void)
{
    return 0;
}

/* Nanoseconds from now until clock subscription s is due (0 when due). */
static int32_t wait_of(const __wasi_subscription_clock_t *c, uint64_t *wait)
{
    __wasi_timestamp_t t;
    int32_t e;

    if (!(c->flags & __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME)) {
        if ((e = now(c->id, &t)))
            return e;
        *wait = c->timeout;
        return 0;
    }
    if ((e = now(c->id, &t)))
        return e;
    *wait = c->timeout > t ? c->timeout - t : 0;
    return 0;
}

/* Descriptors 0, 1, 2; the triple's bottom may serve more (p2.h). */
__attribute__((__weak__)) int __wasi_p2_host_fd(int32_t fd)
{
    return (uint32_t)fd <= 2;
}

int32_t __wasi_vfs_host_poll_oneoff(const __wasi_subscription_t *in,
                                    __wasi_event_t *out, int32_t n,
                                    __wasi_size_t *nevents)
{
    uint64_t least = UINT64_MAX, w;
    __wasi_size_t got = 0;
    int fds = 0;
    int32_t i, e;

    for (i = 0; i < n; i++) {
        if (in[i].u.tag != __WASI_EVENTTYPE_CLOCK) {
            fds = 1;
            continue;
        }
        if ((e = wait_of(&in[i].u.u.clock, &w)))
            return e;
        if (w < least)
            least = w;
    }
    if (!fds && least != UINT64_MAX && least > 0) {
        monotonic_clock_own_pollable_t p = monotonic_clock_subscribe_duration(least);
        poll_borrow_pollable_t b = poll_borrow_pollable(p);
        poll_list_borrow_pollable_t list = { &b, 1 };
        wasip2_list_u32_t ready;
        poll_poll(&list, &ready);
        wasip2_list_u32_free(&ready);
        poll_pollable_drop_own(p);
    }
    for (i = 0; i < n; i++) {
        if (in[i].u.tag == __WASI_EVENTTYPE_CLOCK) {
            if (fds || wait_of(&in[i].u.u.clock, &w) || w > least)
                continue;
        } else if (!__wasi_p2_host_fd(in[i].u.u.fd_read.file_descriptor)) {
            memset(&out[got], 0, sizeof out[got]);
            out[got].userdata = in[i].userdata;
            out[got].type = in[i].u.tag;
            out[got++].error = __WASI_ERRNO_BADF;
            continue;
        }
        memset(&out[got], 0, sizeof out[got]);
        out[got].userdata = in[i].userdata;
        out[got].type = in[i].u.tag;
        if (in[i].u.tag != __WASI_EVENTTYPE_CLOCK)
            out[got].fd_readwrite.nbytes = 1;
        got++;
    }
    *nevents = got;
    return 0;
}
