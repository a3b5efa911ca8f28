/*
 * p2io_main.c - the typed call of wasm32-wasip2-io: what the export
 * "main" that WASI_IO_MAIN defines there (wasi_io.h) runs. The caller's
 * streams become descriptors 3.. (p2io.h) and its arguments the
 * program's, then wasi_io_main_ runs the program's function exactly as on
 * the other triples: it checks the streams, flushes the outputs and
 * answers with the status.
 *
 * Handles: the streams are borrowed for the call and dropped at its end,
 * as the canonical ABI requires of the function that received them.
 *
 * Memory: args is the canonical ABI's list<string>, which the caller
 * wrote through cabi_realloc (wasi-libc's, over malloc; an empty string or
 * list gets no memory) and which the callee owns: every string and the
 * list are freed when the call ends. cabi_realloc aborts (a trap) when
 * malloc fails: the canonical ABI gives it no way to fail.
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/internal.h"
#include "p2io.h"

typedef struct {
    uint8_t *ptr;
    size_t len;
} cabi_string;

const char *const __wasi_io__run_hint =
    "wasi-run-component COMPONENT INPUT... -o OUTPUT... [-- ARGS...]\n";

static const cabi_string *call_args; /* NULL: no typed call runs */
static size_t call_nargs;

int __wasi_p2io_args_sizes(__wasi_size_t *argc, __wasi_size_t *size)
{
    if (call_args == NULL)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < call_nargs; i++)
        total += call_args[i].len + 1;
    *argc = (__wasi_size_t)call_nargs;
    *size = (__wasi_size_t)total;
    return 0;
}

int __wasi_p2io_args(uint8_t **argv, uint8_t *buf)
{
    if (call_args == NULL)
        return -1;
    for (size_t i = 0; i < call_nargs; i++) {
        argv[i] = buf;
        memcpy(buf, call_args[i].ptr, call_args[i].len);
        buf += call_args[i].len;
        *buf++ = '\0';
    }
    return 0;
}

int wasi_io_component_main_(const char *decl, int (*fn)(int, char **), const void *args,
                            unsigned long nargs, const unsigned *handles, int n)
{
    static const cabi_string none[1];
    unsigned char is_output[WASI_IO_MAIN_MAX];
    int status;

    int known = __wasi_io__main_directions(decl, is_output) == n;
    if (known) {
        int nin = 0;
        for (int k = 0; k < n; k++)
            nin += !is_output[k];
        for (int k = 0, in = 0, out = 0; k < n; k++)
            __wasi_p2io_open_stream(P2IO_FIRST_STREAM_FD +
                                        (is_output[k] ? nin + out++ : in++),
                                    handles[k], is_output[k]);
    }
    /* a malformed declaration: wasi_io_main_ says so (status 2) */
    call_args = nargs ? (const cabi_string *)args : none;
    call_nargs = nargs;
    status = wasi_io_main_(decl, fn, 0, 0);
    call_args = NULL;
    __wasi_p2io_close_streams();
    /* the call ends its borrows: a borrowed handle is dropped before the
     * lifted function returns (the canonical ABI traps otherwise) */
    for (int k = 0; known && k < n; k++) {
        if (is_output[k])
            streams_output_stream_drop_borrow((streams_borrow_output_stream_t){(int32_t)handles[k]});
        else
            streams_input_stream_drop_borrow((streams_borrow_input_stream_t){(int32_t)handles[k]});
    }
    /* cabi_realloc gives an empty string or list the address of its
     * alignment, not memory of malloc's: only the others are freed */
    for (size_t i = 0; i < nargs; i++)
        if (((const cabi_string *)args)[i].len)
            free(((const cabi_string *)args)[i].ptr);
    if (nargs)
        free((void *)args);
    return status & 0xff;
}
