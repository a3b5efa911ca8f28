/* typed-copy.c - a typed program (in:text out:text) that copies its input
 * to its output; with the arguments "deep N" it first recurses N calls
 * deep (the runner's stack). With -DUSE_SOCKETS it also asks the host for
 * a network (wasi:sockets), which a typed component, given streams only,
 * may not import. */
#include <stdlib.h>
#include <string.h>
#include <wasi_io.h>
#ifdef USE_SOCKETS
#include <wasi/wasip2.h>
#endif

WASI_IO_MAIN(copy_main, WASI_IO_IN("text"), WASI_IO_OUT("text"))

static int deep(int n, volatile char *above)
{
    volatile char frame[64];
    frame[0] = (char)n;
    (void)above;
    return n == 0 ? 0 : deep(n - 1, frame) + frame[0] - (char)n;
}

int copy_main(int argc, char **argv)
{
#ifdef USE_SOCKETS
    instance_network_own_network_t net = instance_network_instance_network();
    network_network_drop_own(net);
#endif
    if (argc == 3 && strcmp(argv[1], "deep") == 0 && deep(atoi(argv[2]), 0) != 0)
        return 3;
    return wasi_io_copy(wasi_io_arg_output(0), wasi_io_arg_input(0)) < 0;
}
