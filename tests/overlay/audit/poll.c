/* poll: a program that polls and sleeps: the audit allows poll_oneoff. */
#include <poll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct pollfd pf = {0, POLLIN, 0};
    struct timespec ts = {0, 1};
    fd_set s;
    (void)argv;
    if (argc > 1000) {
        FD_ZERO(&s);
        return poll(&pf, 1, 0) + select(1, &s, 0, 0, 0) + nanosleep(&ts, 0) +
               (int)sleep(0);
    }
    return 0;
}
