/* stingy-copy: standard input to standard output with io/'s blocking calls
 * (wasi_io_blocking_splice, wasi_io_blocking_flush), for stingy-host.mjs:
 * every byte must arrive however few the host takes or gives at a time.
 * Exit status 0, or 1 with the stream error on standard error. */
#include <stdio.h>

#include <wasi_io.h>

int main(void)
{
    wasi_io_input *in = wasi_io_stdin();
    wasi_io_output *out = wasi_io_stdout();
    ptrdiff_t n;
    while ((n = wasi_io_blocking_splice(out, in, 65536)) > 0)
        ;
    int r = n < 0 ? (int)n : wasi_io_blocking_flush(out);
    if (r < 0) {
        fprintf(stderr, "stingy-copy: %s\n", wasi_io_strerror(r));
        return 1;
    }
    return 0;
}
