/* poll.c - poll() on pipes and a closed descriptor (compared with the
 * native build by tests/conformance/compare.sh; on wasm32-wasip2-vfs it
 * must not import wasi:sockets, components.imports). */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

static void show(const char *what, struct pollfd *f, int timeout)
{
    int r = poll(f, 1, timeout);
    short revents = f->revents;
    printf("%s: %d, in %d, out %d, hup %d, nval %d\n", what, r, !!(revents & POLLIN),
           !!(revents & POLLOUT), !!(revents & POLLHUP), !!(revents & POLLNVAL));
}

int main(void)
{
    int p[2];
    char c;
    struct pollfd f;

    if (pipe(p) != 0)
        return 1;
    f = (struct pollfd){p[0], POLLIN, 0};
    show("empty pipe, 10 ms", &f, 10);
    if (write(p[1], "x", 1) != 1)
        return 1;
    show("a byte in it", &f, 0);
    f = (struct pollfd){p[1], POLLOUT, 0};
    show("write end", &f, 0);
    if (read(p[0], &c, 1) != 1 || close(p[1]) != 0 || close(p[0]) != 0)
        return 1;
    f = (struct pollfd){p[0], POLLIN, 0};
    show("closed descriptor", &f, 0);
    f = (struct pollfd){-1, POLLIN, 0};
    show("negative descriptor", &f, 0);
    return 0;
}
