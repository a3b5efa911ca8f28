/* Waiting for one stream, for the blocking calls (wasi_io_poll is in poll.c).
 *
 * On wasm the host's poll is referred to weakly here: a program whose
 * blocking calls only meet streams without a host descriptor (byte arrays,
 * FILE *, C library descriptors, kinds of its own) then links no
 * poll_oneoff import. The streams over host descriptors that io/ hands the
 * program (wasm/host_std.c, wasm/host_alloc.c) link the poll; the overlay's
 * archive streams (wasm/host_new.c) and a kind of the program's own that
 * reports a host descriptor do not, and their blocking calls retry without
 * waiting unless something else links it (wasi_io_poll, poll(2)). */
#include "internal.h"

#ifdef __wasm__
extern int __wasi_io__host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns)
    __attribute__((weak));
#endif

/* Waits on the host descriptor of a stream. */
static int wait_host(int fd, short events, int64_t timeout_ns)
{
    wasi_io_host_pollfd p = {fd, events, 0};
    int r;
#ifdef __wasm__
    if (!__wasi_io__host_poll)
        return 1;
#endif
    r = __wasi_io__host_poll(&p, 1, timeout_ns);
    return r < 0 ? r : r > 0;
}

int __wasi_io__wait_input(wasi_io_input *in, int64_t timeout_ns)
{
    const wasi_io_input_methods *m = in->methods;
    if (m->wait != NULL)
        return m->wait(in, timeout_ns);
    int fd = m->host_fd != NULL ? m->host_fd(in) : -1;
    return fd < 0 ? 1 : wait_host(fd, WASI_IO_HOST_READABLE, timeout_ns);
}

int __wasi_io__wait_output(wasi_io_output *out, int64_t timeout_ns)
{
    const wasi_io_output_methods *m = out->methods;
    if (m->wait != NULL)
        return m->wait(out, timeout_ns);
    int fd = m->host_fd != NULL ? m->host_fd(out) : -1;
    return fd < 0 ? 1 : wait_host(fd, WASI_IO_HOST_WRITABLE, timeout_ns);
}
