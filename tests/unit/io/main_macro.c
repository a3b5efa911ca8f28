/* IO_MAIN itself, natively: copies input 1 to output 1, then the first
 * argument. main_macro.sh runs it with descriptors 3 and 4 redirected. */
#include <string.h>

#include "wasi_io.h"

IO_MAIN(copy_then_arg, IO_IN("text"), IO_OUT("text"))

int copy_then_arg(int argc, char **argv)
{
    if (io_copy(io_arg_output(0), io_arg_input(0)) < 0)
        return 1;
    if (argc > 1 && io_blocking_write(io_arg_output(0), argv[1],
                                      strlen(argv[1])) < 0)
        return 1;
    return 0;
}
