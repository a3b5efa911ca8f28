/*
 * tmpnam.c - tmpnam and tempnam: names in a directory (/tmp, or tempnam's
 * dir) that nothing has at the time of the call. tmpnam(NULL) returns a
 * static buffer; tempnam returns malloc'd memory. Both return NULL when no
 * free name was found (errno EEXIST), tempnam also on ENOMEM.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

#define TRIES 100

/* Fills the six bytes at x until path names nothing; 0 or -1. */
static int pick(char *path, char *x)
{
    struct stat st;
    int i;

    for (i = 0; i < TRIES; i++) {
        __wasi_vfs_randname(x);
        if (lstat(path, &st) != 0)
            return errno == ENOENT ? 0 : -1;
    }
    errno = EEXIST;
    return -1;
}

char *tmpnam(char *s)
{
    static char internal[L_tmpnam];
    char name[] = "/tmp/tmpnam_XXXXXX";

    _Static_assert(sizeof name <= L_tmpnam, "L_tmpnam too small");
    if (pick(name, name + sizeof name - 7))
        return NULL;
    return strcpy(s ? s : internal, name);
}

char *tempnam(const char *dir, const char *prefix)
{
    size_t d, p;
    char *name;

    if (!dir || !*dir)
        dir = P_tmpdir;
    if (!prefix)
        prefix = "temp";
    d = strlen(dir);
    p = strlen(prefix);
    name = malloc(d + p + 9);
    if (!name)
        return NULL;
    memcpy(name, dir, d);
    name[d] = '/';
    memcpy(name + d + 1, prefix, p);
    memcpy(name + d + 1 + p, "_XXXXXX", 8);
    if (pick(name, name + d + p + 2)) {
        free(name);
        return NULL;
    }
    return name;
}
