/* Readiness: wasi_io_poll over several streams (waiting for one: wait.c). */
#include "internal.h"

/* How an entry of the list can be waited for. */
enum how {
    READY,      /* ready now */
    BY_HOST,    /* not ready; its host descriptor can be polled */
    BY_METHOD   /* not ready; only its own wait method can wait */
};

/* Looks at entry e without waiting; for BY_HOST sets *pfd. A host
 * descriptor is preferred to a wait method: it can be polled together with
 * the other entries'. */
static enum how look(const wasi_io_pollable *e, wasi_io_host_pollfd *pfd)
{
    int fd = -1, waits = 0;
    if (e->input != NULL) {
        const wasi_io_input_methods *m = e->input->methods;
        if (m->host_fd != NULL)
            fd = m->host_fd(e->input);
        if (fd < 0 && m->wait != NULL)
            waits = m->wait(e->input, 0) == 0;
        pfd->events = WASI_IO_HOST_READABLE;
    } else {
        const wasi_io_output_methods *m = e->output->methods;
        if (m->check_write(e->output) != 0)
            return READY; /* room, or an error the next call reports */
        if (m->host_fd != NULL)
            fd = m->host_fd(e->output);
        if (fd < 0 && m->wait != NULL)
            waits = m->wait(e->output, 0) == 0;
        pfd->events = WASI_IO_HOST_WRITABLE;
    }
    if (waits)
        return BY_METHOD;
    /* Ready now, or a stream that cannot wait, which counts as ready: the
     * next call on it goes on (or reports why it cannot). */
    if (fd < 0)
        return READY;
    pfd->fd = fd;
    pfd->revents = 0;
    return BY_HOST;
}

int wasi_io_poll(wasi_io_pollable *list, size_t n, int64_t timeout_ns)
{
    wasi_io_host_pollfd fds[WASI_IO_POLL_MAX];
    size_t where[WASI_IO_POLL_MAX]; /* fds[k] belongs to list[where[k]] */
    size_t ready = 0, nhost = 0, nmethod = 0, method_at = 0;
    int r = 0;

    if (n == 0 || n > WASI_IO_POLL_MAX || list == NULL)
        return WASI_IO_EINVAL;
    for (size_t i = 0; i < n; i++) {
        if ((list[i].input == NULL) == (list[i].output == NULL))
            return WASI_IO_EINVAL;
        list[i].ready = 0;
    }

    for (size_t i = 0; i < n; i++) {
        switch (look(&list[i], &fds[nhost])) {
        case READY:
            list[i].ready = 1;
            ready++;
            break;
        case BY_HOST:
            where[nhost++] = i;
            break;
        case BY_METHOD:
            nmethod++;
            method_at = i;
            break;
        }
    }

    if (ready == 0 && timeout_ns != 0 && nmethod > 0) {
        /* Only a lone stream with its own wait method can be waited for. */
        if (nmethod > 1 || nhost > 0)
            return WASI_IO_ENOTSUP;
        wasi_io_pollable *e = &list[method_at];
        r = e->input != NULL ? e->input->methods->wait(e->input, timeout_ns)
                             : e->output->methods->wait(e->output, timeout_ns);
        if (r < 0)
            return r;
        e->ready = r > 0;
        return r > 0;
    }
    if (nhost > 0) {
        r = __wasi_io__host_poll(fds, nhost, ready > 0 ? 0 : timeout_ns);
        if (r < 0)
            return r;
        for (size_t k = 0; k < nhost; k++) {
            if (fds[k].revents != 0) {
                list[where[k]].ready = 1;
                ready++;
            }
        }
    }
    return (int)ready;
}
