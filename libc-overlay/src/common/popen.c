/*
 * popen.c - popen and pclose: there is no shell or other process to
 * connect a pipe to. popen fails with ENOSYS, and so does pclose (no
 * stream can come from popen).
 */
#include <errno.h>
#include <stdio.h>

#include "common.h"

FILE *popen(const char *command, const char *mode)
{
    (void)command;
    (void)mode;
    errno = ENOSYS;
    return NULL;
}

int pclose(FILE *f)
{
    (void)f;
    errno = ENOSYS;
    return -1;
}
