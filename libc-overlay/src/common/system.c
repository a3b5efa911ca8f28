/*
 * system.c - system: there is no shell. system(NULL) says so (0); any
 * command fails with -1 and ENOSYS.
 */
#include <errno.h>
#include <stdlib.h>

#include "common.h"

int system(const char *command)
{
    if (!command)
        return 0;
    errno = ENOSYS;
    return -1;
}
