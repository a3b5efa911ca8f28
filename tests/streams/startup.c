/* startup FILE: prints "main NS" (the monotonic clock when main starts)
 * and "open NS" (after FILE was opened and one byte read, which creates the
 * filesystem and mounts a file image, if any), for startup.mjs. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    long long t0 = now(), t1;
    char c = 0;
    int fd = argc > 1 ? open(argv[1], O_RDONLY) : -1;
    if (fd >= 0 && read(fd, &c, 1) != 1)
        c = '?';
    t1 = now();
    printf("main %lld\nopen %lld\nbyte %d\n", t0, t1, fd < 0 ? -1 : c);
    return 0;
}
