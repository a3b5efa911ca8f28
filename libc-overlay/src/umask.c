/*
 * umask.c - umask: the vfs core's file-creation mask (only 0777 kept).
 */
#include <sys/stat.h>

#include "internal.h"

mode_t umask(mode_t mask)
{
    return (mode_t)vfs_umask(__wasi_vfs(), mask & 0777);
}
