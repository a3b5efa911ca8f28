/*
 * fork.c - fork and vfork: a module is one process and cannot copy
 * itself. They fail with ENOSYS.
 */
#include <errno.h>
#include <unistd.h>

#include "common.h"

pid_t fork(void)
{
    errno = ENOSYS;
    return -1;
}

pid_t vfork(void)
{
    errno = ENOSYS;
    return -1;
}
