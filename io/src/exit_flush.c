/* Static output streams the typed entry point flushes when its function
 * returns (wasi_io_stdout, wasi_io_stderr, its outputs). Not atexit(): in wasi-libc
 * that links the allocator into every program. */
#include "internal.h"

#define MAX_REMEMBERED 24

static wasi_io_output *remembered[MAX_REMEMBERED];
static size_t nremembered;

void __wasi_io__flush_later(wasi_io_output *out)
{
    for (size_t i = 0; i < nremembered; i++)
        if (remembered[i] == out)
            return;
    if (nremembered < MAX_REMEMBERED)
        remembered[nremembered++] = out;
}

void __wasi_io__flush_remembered(void)
{
    for (size_t i = 0; i < nremembered; i++)
        (void)wasi_io_blocking_flush(remembered[i]);
}
