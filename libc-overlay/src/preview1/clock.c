/*
 * clock.c - clock_time_get: the host's clock, read after the filesystem's
 * times marked for update are stamped.
 *
 * A read or write marks its file's times instead of reading the clock
 * (vfs_sync_times, <vfs.h>); so that no file's times come later than a
 * time the program has seen, every clock reading of the program stamps
 * them first. __wasi_vfs_sync_times is set when the filesystem is made
 * (fs/state.c): a program that only reads the clock links no filesystem.
 * The filesystem's own clock is the host's (__wasi_vfs_now).
 */
#include "../internal.h"

void (*__wasi_vfs_sync_times)(void);

int32_t __imported_wasi_snapshot_preview1_clock_time_get(int32_t id,
                                                         int64_t precision,
                                                         __wasi_timestamp_t *t)
{
    __wasi_vfs_time_seen();
    return __wasi_vfs_host_clock_time_get(id, precision, t);
}
