/* The typed entry point: main() of WASI_IO_MAIN, and the streams it hands out.
 * See WASI_IO_MAIN in wasi_io.h for the protocol: input i is host descriptor
 * 3 + i, output j is 3 + (number of inputs) + j. */
#include <string.h>

#include "internal.h"

#define FIRST_FD 3

/* One declared stream: its direction and TYPE, a piece of the
 * declaration text. */
typedef struct arg {
    int is_output;
    const char *type;
    size_t type_len;
} arg;

static wasi_io_input *inputs[WASI_IO_MAIN_MAX];
static wasi_io_output *outputs[WASI_IO_MAIN_MAX];
static int ninputs, noutputs;

wasi_io_input *wasi_io_arg_input(int i)
{
    return i >= 0 && i < ninputs ? inputs[i] : NULL;
}

wasi_io_output *wasi_io_arg_output(int i)
{
    return i >= 0 && i < noutputs ? outputs[i] : NULL;
}

/* Parses "1 in:T out:T ..." into args. Returns the count, or -1 when the
 * text is not a declaration this library wrote. */
static int parse(const char *decl, arg *args)
{
    int n = 0;
    if (decl[0] != '1')
        return -1;
    for (const char *p = decl + 1; *p != '\0';) {
        if (*p++ != ' ' || n == WASI_IO_MAIN_MAX)
            return -1;
        if (strncmp(p, "in:", 3) == 0) {
            args[n].is_output = 0;
            p += 3;
        } else if (strncmp(p, "out:", 4) == 0) {
            args[n].is_output = 1;
            p += 4;
        } else {
            return -1;
        }
        args[n].type = p;
        while (*p != '\0' && *p != ' ')
            p++;
        args[n].type_len = (size_t)(p - args[n].type);
        n++;
    }
    return n;
}

int __wasi_io__main_directions(const char *decl, unsigned char *is_output)
{
    arg args[WASI_IO_MAIN_MAX];
    int n = parse(decl, args);
    for (int k = 0; k < n; k++)
        is_output[k] = (unsigned char)args[k].is_output;
    return n;
}

/* Writes the pieces (NULL-terminated) to stderr. */
static void say(const char *const *pieces)
{
    wasi_io_output *err = wasi_io_stderr();
    for (; *pieces != NULL; pieces++)
        (void)wasi_io_blocking_write(err, *pieces, strlen(*pieces));
    (void)wasi_io_blocking_flush(err);
}

/* How to run a typed program, for the message below; wasm32-wasip2-io's
 * bottom has its own (io/libc/wasip2/p2io_main.c). */
__attribute__((weak)) const char *const __wasi_io__run_hint =
#ifdef __wasm__
    "wasi-run MODULE INPUT... -o OUTPUT... [-- ARGS...]\n";
#else
    "PROGRAM 3<INPUT 4>OUTPUT... [ARGS...]\n";
#endif

static void say_arg_problem(const char *prog, const arg *a, int index,
                            int fd, enum __wasi_io__fd_state state)
{
    char num[2] = {(char)('1' + index), '\0'};
    char fdtext[3] = {(char)('0' + fd / 10), (char)('0' + fd % 10), '\0'};
    char type[64];
    size_t tl = IO_MIN(a->type_len, sizeof type - 1);
    memcpy(type, a->type, tl);
    type[tl] = '\0';
    const char *why =
        state == IO__FD_MISSING     ? "was not provided"
        : state == IO__FD_DIRECTORY ? "is a directory, not a stream"
        : a->is_output              ? "is not open for writing"
                                    : "is not open for reading";
    const char *pieces[] = {
        prog, ": ", a->is_output ? "output " : "input ", num, " (", type,
        ") is host descriptor ", fd < 10 ? fdtext + 1 : fdtext, ", which ",
        why, "\n", prog,
        ": this program takes streams, not file names; run it as: ",
        __wasi_io__run_hint, NULL};
    say(pieces);
}

int wasi_io_main_(const char *decl, int (*fn)(int, char **), int argc,
             char **argv)
{
    arg args[WASI_IO_MAIN_MAX];
    if (argv == NULL && __wasi_io__args(&argc, &argv) < 0) {
        const char *pieces[] = {"program: cannot read the arguments: over "
                                "64 or 4096 bytes, and no malloc linked\n",
                                NULL};
        say(pieces);
        return 2;
    }
    const char *prog = argc > 0 && argv[0] != NULL ? argv[0] : "program";
    int n = parse(decl, args);
    ninputs = noutputs = 0;
    if (n < 0) {
        const char *pieces[] = {prog, ": malformed WASI_IO_MAIN declaration\n",
                                NULL};
        say(pieces);
        return 2;
    }
    for (int k = 0; k < n; k++) {
        if (args[k].is_output)
            noutputs++;
        else
            ninputs++;
    }

    int in = 0, out = 0;
    for (int k = 0; k < n; k++) {
        int output = args[k].is_output;
        int index = output ? out : in;
        int fd = FIRST_FD + (output ? ninputs + out : in);
        enum __wasi_io__fd_state state = __wasi_io__check_host_fd(fd, output);
        if (state != IO__FD_OK) {
            say_arg_problem(prog, &args[k], index, fd, state);
            return 2;
        }
        if (output) {
            outputs[out] = __wasi_io__arg_output(out, fd);
            __wasi_io__flush_later(outputs[out++]);
        } else {
            inputs[in] = __wasi_io__arg_input(in, fd);
            in++;
        }
    }

    int status = fn(argc, argv);

    /* Outputs first, reporting errors; then wasi_io_stdout and wasi_io_stderr. */
    for (int j = 0; j < noutputs; j++) {
        int r = wasi_io_blocking_flush(outputs[j]);
        if (r < 0 && status == 0) {
            char num[2] = {(char)('1' + j), '\0'};
            const char *pieces[] = {prog, ": output ", num, ": ",
                                    wasi_io_strerror(r), "\n", NULL};
            say(pieces);
            status = 1;
        }
    }
    __wasi_io__flush_remembered();
    return status;
}
