/* typed-copy.c - a typed program (in:text out:text) that copies its input
 * to its output; with -DUSE_SOCKETS it also asks the host for a network
 * (wasi:sockets), which a typed component, given streams only, may not
 * import. */
#include <wasi_io.h>
#ifdef USE_SOCKETS
#include <wasi/wasip2.h>
#endif

WASI_IO_MAIN(copy_main, WASI_IO_IN("text"), WASI_IO_OUT("text"))

int copy_main(int argc, char **argv)
{
    (void)argc, (void)argv;
#ifdef USE_SOCKETS
    instance_network_own_network_t net = instance_network_instance_network();
    network_network_drop_own(net);
#endif
    return wasi_io_copy(wasi_io_arg_output(0), wasi_io_arg_input(0)) < 0;
}
