/*
 * errno.c - the one place a vfs result becomes errno.
 */
#include <errno.h>

#include "internal.h"

int __wasi_vfs_ret(int r)
{
    if (r < 0) {
        errno = -r;
        return -1;
    }
    return r;
}
