/*
 * times.h - WASI set-times arguments to the vfs core's form (times.c).
 */
#ifndef WASI_VFS_TIMES_H
#define WASI_VFS_TIMES_H

#include "../internal.h"

/* Fills ts for vfs_utimensat/vfs_futimens. Returns 0, or -EINVAL when a
 * time is both given and "now". */
int __wasi_vfs_times(struct timespec ts[2], __wasi_timestamp_t atim,
                     __wasi_timestamp_t mtim, __wasi_fstflags_t fl);

#endif
