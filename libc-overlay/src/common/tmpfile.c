/*
 * tmpfile.c - tmpfile: a new file in /tmp, unlinked at once, opened "w+";
 * its memory is freed when the stream is closed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common.h"

FILE *tmpfile(void)
{
    char name[] = "/tmp/tmpfile_XXXXXX";
    int fd = mkstemp(name);
    FILE *f;

    if (fd < 0)
        return NULL;
    unlink(name);
    f = fdopen(fd, "w+");
    if (!f)
        close(fd);
    return f;
}
