/* poll: poll and select on pipes, files and bad descriptors; sleeping
 * (clock subscriptions go to the host); a wait that nothing could end
 * returns instead of hanging. */
#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void)
{
    struct pollfd pf[3];
    struct timespec ts = {0, 20 * 1000000};
    struct timeval tv = {0, 0};
    fd_set rd, wr;
    long long t0;
    int p[2], fd;

    OK(pipe(p));
    pf[0].fd = p[0];
    pf[0].events = POLLIN;
    pf[1].fd = p[1];
    pf[1].events = POLLOUT;
    EQ(poll(pf, 2, 0), 1);
    EQ(pf[0].revents, 0);
    EQ(pf[1].revents, POLLOUT);
    EQ(poll(pf, 1, 0), 0);
    t0 = now_ms();
    EQ(poll(pf, 1, -1), 0); /* nothing could ever fill it: no hang */
    CHECK(now_ms() - t0 < 1000);
    EQ(write(p[1], "x", 1), 1);
    EQ(poll(pf, 1, -1), 1);
    EQ(pf[0].revents, POLLIN);

    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    EQ(select(p[1] + 1, &rd, &wr, NULL, &tv), 2);
    CHECK(FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr));

    OK(close(p[1]));
    EQ(poll(pf, 1, 0), 1);
    CHECK(pf[0].revents & POLLIN);
    CHECK(pf[0].revents & POLLHUP);

    fd = OK(open("/tmp/f", O_RDWR | O_CREAT, 0644));
    pf[0].fd = fd;
    pf[0].events = POLLIN | POLLOUT;
    pf[1].fd = 77;
    pf[1].events = POLLIN;
    EQ(poll(pf, 2, 0), 2);
    EQ(pf[0].revents, POLLIN | POLLOUT);
    EQ(pf[1].revents, POLLNVAL);

    /* a ready virtual descriptor next to the host's stdout */
    pf[0].fd = 1;
    pf[0].events = POLLOUT;
    pf[1].fd = fd;
    pf[1].events = POLLIN;
    t0 = now_ms();
    CHECK(poll(pf, 2, 5000) >= 1);
    CHECK(pf[1].revents & POLLIN);
    CHECK(now_ms() - t0 < 1000);

    /* a broken pipe */
    OK(pipe(p));
    OK(close(p[0]));
    pf[0].fd = p[1];
    pf[0].events = POLLOUT;
    EQ(poll(pf, 1, 0), 1);
    CHECK(pf[0].revents & (POLLERR | POLLHUP));
    OK(close(p[1]));
    OK(close(p[0] = fd));

    /* sleeping is the host's */
    t0 = now_ms();
    OK(nanosleep(&ts, NULL));
    CHECK(now_ms() - t0 >= 19);
    t0 = now_ms();
    OK(usleep(20000));
    CHECK(now_ms() - t0 >= 19);
    return DONE();
}
