/*
 * fstat.c - fstat with the vfs core's full metadata (see stat.c).
 */
#include <sys/stat.h>

#include "../internal.h"

int fstat(int fd, struct stat *st)
{
    struct vfs *fs = __wasi_vfs();
    struct vfs_stat v;
    return __wasi_vfs_stat_out(fs ? vfs_fstat(fs, fd, &v) : -ENOMEM, &v, st);
}
