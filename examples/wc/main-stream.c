/* wc over a stream: the host opens the file (typed entry point).
 *   wasi-run wc-stream.wasm FILE     prints "LINES WORDS BYTES" */
#include <string.h>

#include "wc.h"

WASI_IO_MAIN(wc_main, WASI_IO_IN("text"))

int wc_main(int argc, char **argv)
{
    wc_counts c = {0, 0, 0};
    char line[WC_TEXT_MAX + 1];
    (void)argc, (void)argv;
    int r = wc_count(wasi_io_arg_input(0), &c);
    if (r < 0) {
        const char *why = wasi_io_strerror(r);
        wasi_io_blocking_write(wasi_io_stderr(), "wc: input: ", 11);
        wasi_io_blocking_write(wasi_io_stderr(), why, strlen(why));
        wasi_io_blocking_write_and_flush(wasi_io_stderr(), "\n", 1);
        return 1;
    }
    int n = wc_format(line, &c);
    line[n++] = '\n';
    return wasi_io_blocking_write_and_flush(wasi_io_stdout(), line, (size_t)n) < 0;
}
