/*
 * randname.c - random characters for temporary file names (mkstemp,
 * mkdtemp, tmpnam, ...), from the host's random_get.
 */
#include <wasi/api.h>

#include "common.h"

void __wasi_vfs_randname(char *x)
{
    static const char set[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char b[6];
    int i;

    /* random_get does not fail on a valid buffer. */
    (void)!__wasi_random_get(b, sizeof b);
    for (i = 0; i < 6; i++)
        x[i] = set[b[i] % (sizeof set - 1)];
}
