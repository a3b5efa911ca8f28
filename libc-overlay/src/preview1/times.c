/*
 * times.c - WASI's (timestamp, timestamp, fstflags) triple as the vfs
 * core's timespec pair, for fd_filestat_set_times and
 * path_filestat_set_times.
 */
#include "times.h"

static void one(struct timespec *ts, __wasi_timestamp_t t, int set, int now)
{
    ts->tv_sec = (time_t)(t / 1000000000u);
    ts->tv_nsec = now ? VFS_UTIME_NOW
                      : set ? (long)(t % 1000000000u) : VFS_UTIME_OMIT;
}

int __wasi_vfs_times(struct timespec ts[2], __wasi_timestamp_t atim,
                     __wasi_timestamp_t mtim, __wasi_fstflags_t fl)
{
    if ((fl & __WASI_FSTFLAGS_ATIM && fl & __WASI_FSTFLAGS_ATIM_NOW) ||
        (fl & __WASI_FSTFLAGS_MTIM && fl & __WASI_FSTFLAGS_MTIM_NOW))
        return -__WASI_ERRNO_INVAL;
    one(&ts[0], atim, fl & __WASI_FSTFLAGS_ATIM, fl & __WASI_FSTFLAGS_ATIM_NOW);
    one(&ts[1], mtim, fl & __WASI_FSTFLAGS_MTIM, fl & __WASI_FSTFLAGS_MTIM_NOW);
    return 0;
}
