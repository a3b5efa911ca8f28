/* Readiness of a host descriptor through poll_oneoff. Polls stdin with a
 * 50 ms timeout (nothing sent yet: 0), then says "waiting" on stderr;
 * test-everything.sh sends the bytes only after reading that line, so the
 * result does not depend on how fast the host starts. Then polls with no
 * limit (1), and prints the bytes read and what wasi_io_read says at the end
 * of the stream. */
#include <stdio.h>

#include <wasi_io.h>

int main(void)
{
    char buf[16];
    wasi_io_pollable p = {.input = wasi_io_stdin()};
    int early = wasi_io_poll(&p, 1, 50 * 1000000);
    fputs("waiting\n", stderr);
    int later = wasi_io_poll(&p, 1, -1);
    ptrdiff_t n = wasi_io_blocking_read(wasi_io_stdin(), buf, sizeof buf);
    ptrdiff_t end = wasi_io_read(wasi_io_stdin(), buf + (n > 0 ? n : 0), 1);
    wasi_io_host_pollfd h = {0, WASI_IO_HOST_READABLE, 0};
    int at_end = wasi_io_host_poll(&h, 1, -1);
    printf("poll %d %d, read %td '%.*s', then %td, host poll %d\n", early,
           later, n, (int)(n > 0 ? n : 0), buf, end, at_end);
    return 0;
}
