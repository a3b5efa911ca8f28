/*
 * wait.c - wait, waitpid and kill: no other process exists to wait for or
 * signal. They fail with ENOSYS.
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#include "common.h"

pid_t wait(int *status)
{
    (void)status;
    errno = ENOSYS;
    return -1;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    (void)pid;
    (void)options;
    return wait(status);
}

int kill(pid_t pid, int sig)
{
    (void)pid;
    (void)sig;
    errno = ENOSYS;
    return -1;
}
