/* shrink over streams: the host opens the files (typed entry point).
 *   wasi-run shrink-stream.wasm IN.pnm -o OUT.pnm [-- -f FACTOR]
 * FACTOR defaults to 2. */
#include <string.h>

#include "shrink.h"

WASI_IO_MAIN(shrink_main, WASI_IO_IN("image"), WASI_IO_OUT("image"))

static int say(const char *a, const char *b)
{
    wasi_io_output *err = wasi_io_stderr();
    wasi_io_blocking_write(err, "shrink: ", 8);
    wasi_io_blocking_write(err, a, strlen(a));
    wasi_io_blocking_write(err, b, strlen(b));
    wasi_io_blocking_write_and_flush(err, "\n", 1);
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
    if (shrink_image(wasi_io_arg_input(0), wasi_io_arg_output(0), factor, why,
                     sizeof why) < 0)
        return say(why, "");
    return 0;
}
