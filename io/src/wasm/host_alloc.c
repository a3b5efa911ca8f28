/* The program's allocated streams over host descriptors (wasi_io.h):
 * host_fd.c's, waiting with poll_oneoff. */
#include "host.h"

IO_LINK_HOST_POLL;

wasi_io_input *wasi_io_host_input(int fd)
{
    return __wasi_io__host_input_new(fd);
}

wasi_io_output *wasi_io_host_output(int fd)
{
    return __wasi_io__host_output_new(fd);
}
