/* shrink over streams: the host opens the files (typed entry point).
 *   wasi-run shrink-stream.wasm IN.pnm -o OUT.pnm [-- -f FACTOR]
 * FACTOR defaults to 2. */
#include <string.h>

#include "shrink.h"

IO_MAIN(shrink_main, IO_IN("image"), IO_OUT("image"))

static int say(const char *a, const char *b)
{
    io_output *err = io_stderr();
    io_blocking_write(err, "shrink: ", 8);
    io_blocking_write(err, a, strlen(a));
    io_blocking_write(err, b, strlen(b));
    io_blocking_write_and_flush(err, "\n", 1);
    return 1;
}

int shrink_main(int argc, char **argv)
{
    uint32_t factor = 2;
    char why[160];
    if (argc == 3 && strcmp(argv[1], "-f") == 0)
        factor = shrink_parse_factor(argv[2]);
    else if (argc != 1)
        return say("usage: shrink-stream [-f FACTOR] (after --)", "");
    if (factor == 0)
        return say("bad factor ", argv[2]);
    if (shrink_image(io_arg_input(0), io_arg_output(0), factor, why,
                     sizeof why) < 0)
        return say(why, "");
    return 0;
}
