/* gzip over streams: the host opens the files (typed entry point).
 *   wasi-run gzip-stream.wasm IN -o OUT.gz [-- -1 ... -9]
 *   wasi-run gzip-stream.wasm IN.gz -o OUT -- -d */
#include <string.h>

#include "gz.h"

WASI_IO_MAIN(gzip_main, WASI_IO_IN("data"), WASI_IO_OUT("data"))

static int say(const char *text)
{
    wasi_io_output *err = wasi_io_stderr();
    wasi_io_blocking_write(err, "gzip: ", 6);
    wasi_io_blocking_write(err, text, strlen(text));
    wasi_io_blocking_write_and_flush(err, "\n", 1);
    return 1;
}

int gzip_main(int argc, char **argv)
{
    int decompress = 0, level = 6;
    char why[160];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-d") == 0)
            decompress = 1;
        else if (a[0] == '-' && a[1] >= '1' && a[1] <= '9' && a[2] == '\0')
            level = a[1] - '0';
        else
            return say("usage: gzip-stream [-d] [-1 ... -9] (after --)");
    }
    wasi_io_input *in = wasi_io_arg_input(0);
    wasi_io_output *out = wasi_io_arg_output(0);
    int r = decompress ? gz_decompress(in, out, why, sizeof why)
                       : gz_compress(in, out, level, why, sizeof why);
    return r < 0 ? say(why) : 0;
}
