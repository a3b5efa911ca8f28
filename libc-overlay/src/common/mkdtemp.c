/*
 * mkdtemp.c - mkdtemp (a new directory, mode 0700, named from a template
 * ending in XXXXXX) and mktemp (a name nothing has, without creating it;
 * the template becomes "" on failure).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

#define TRIES 100

/* The six X at the end of template, or NULL with errno EINVAL. */
static char *xs(char *template)
{
    size_t len = strlen(template);
    if (len < 6 || memcmp(template + len - 6, "XXXXXX", 6)) {
        errno = EINVAL;
        return NULL;
    }
    return template + len - 6;
}

char *mkdtemp(char *template)
{
    char *x = xs(template);
    int i;

    if (!x)
        return NULL;
    for (i = 0; i < TRIES; i++) {
        __wasi_vfs_randname(x);
        if (mkdir(template, 0700) == 0)
            return template;
        if (errno != EEXIST)
            break;
    }
    memcpy(x, "XXXXXX", 6);
    return NULL;
}

char *mktemp(char *template)
{
    char *x = xs(template);
    struct stat st;
    int i;

    if (x) {
        for (i = 0; i < TRIES; i++) {
            __wasi_vfs_randname(x);
            if (lstat(template, &st) != 0) {
                if (errno == ENOENT)
                    return template;
                break;
            }
        }
        errno = EEXIST;
    }
    template[0] = 0;
    return template;
}
