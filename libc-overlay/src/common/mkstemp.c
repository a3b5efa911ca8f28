/*
 * mkstemp.c - mkstemp, mkostemp, mkstemps, mkostemps: create a new file
 * (O_RDWR | O_CREAT | O_EXCL, mode 0600) whose name is the template with
 * its six X (before a suffix of suffixlen bytes) replaced by random
 * letters and digits. The template is left as it was on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#define TRIES 100

int mkostemps(char *template, int suffixlen, int flags)
{
    size_t len = strlen(template);
    char *x;
    int fd, i;

    if (suffixlen < 0 || len < 6 || len - 6 < (size_t)suffixlen ||
        memcmp(template + len - suffixlen - 6, "XXXXXX", 6)) {
        errno = EINVAL;
        return -1;
    }
    x = template + len - suffixlen - 6;
    flags = (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL;
    for (i = 0; i < TRIES; i++) {
        __wasi_vfs_randname(x);
        fd = open(template, flags, 0600);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST)
            break;
    }
    memcpy(x, "XXXXXX", 6);
    return -1;
}

int mkstemps(char *template, int suffixlen)
{
    return mkostemps(template, suffixlen, 0);
}

int mkostemp(char *template, int flags)
{
    return mkostemps(template, 0, flags);
}

int mkstemp(char *template)
{
    return mkostemps(template, 0, 0);
}
