/* WASI_IO_MAIN itself, natively: copies input 1 to output 1, then the first
 * argument. main_macro.sh runs it with descriptors 3 and 4 redirected. */
#include <string.h>

#include "wasi_io.h"

WASI_IO_MAIN(copy_then_arg, WASI_IO_IN("text"), WASI_IO_OUT("text"))

int copy_then_arg(int argc, char **argv)
{
    if (wasi_io_copy(wasi_io_arg_output(0), wasi_io_arg_input(0)) < 0)
        return 1;
    if (argc > 1 && wasi_io_blocking_write(wasi_io_arg_output(0), argv[1],
                                      strlen(argv[1])) < 0)
        return 1;
    return 0;
}
