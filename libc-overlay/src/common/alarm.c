/*
 * alarm.c - alarm and pause. A module cannot be interrupted: no timer can
 * raise SIGALRM and no other signal can arrive from outside. alarm(0)
 * cancels the alarm there never is and returns 0; alarm(n) for n > 0
 * returns 0 ("no earlier alarm") and sets errno to ENOSYS, so a program
 * that checks can tell that no signal will come. pause, which could only
 * wait forever, fails with ENOSYS at once.
 */
#include <errno.h>
#include <unistd.h>

unsigned alarm(unsigned seconds)
{
    if (seconds)
        errno = ENOSYS;
    return 0;
}

int pause(void)
{
    errno = ENOSYS;
    return -1;
}
