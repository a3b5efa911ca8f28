/*
 * say.c - one-line messages from the filesystem's optional parts to the
 * host's stderr (descriptor 2 of the host, not of the program: a program
 * that closed or redirected its stderr still lets the host know).
 */
#include <string.h>

#include "boot.h"

void __wasi_vfs_say(const char *a, const char *b, const char *c,
                    const char *d, const char *e)
{
    const char *part[7] = {"wasi-vfs: ", a, b, c, d, e, "\n"};
    __wasi_ciovec_t iov[7];
    __wasi_size_t n;
    int i, k = 0;

    for (i = 0; i < 7; i++)
        if (part[i]) {
            iov[k].buf = (const uint8_t *)part[i];
            iov[k++].buf_len = strlen(part[i]);
        }
    __wasi_vfs_host_fd_write(2, iov, k, &n);
}
