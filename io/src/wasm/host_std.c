/* The host's standard streams, and the typed entry point's streams: host
 * descriptors in static storage, waiting with poll_oneoff. */
#include "host.h"
#include "imports.h"

IO_LINK_HOST_POLL;

/* In static storage: closing them releases nothing. */
static const wasi_io_input_methods input_methods = HOST_INPUT_METHODS(NULL);
static const wasi_io_output_methods output_methods = HOST_OUTPUT_METHODS(NULL);

static __wasi_io__host_input std_in;
static __wasi_io__host_output std_out, std_err;

wasi_io_input *wasi_io_stdin(void)
{
    return __wasi_io__host_input_init(&std_in, 0, &input_methods);
}

/* Static outputs are set up once (they hold bytes); WASI_IO_MAIN flushes them
 * when its function returns. */
static wasi_io_output *static_output(__wasi_io__host_output *s, int fd)
{
    if (s->base.methods == NULL) {
        __wasi_io__host_output_init(s, fd, &output_methods);
        __wasi_io__flush_later(&s->base);
    }
    return &s->base;
}

wasi_io_output *wasi_io_stdout(void)
{
    return static_output(&std_out, 1);
}

wasi_io_output *wasi_io_stderr(void)
{
    return static_output(&std_err, 2);
}

static __wasi_io__host_input arg_inputs[WASI_IO_MAIN_MAX];
static __wasi_io__host_output arg_outputs[WASI_IO_MAIN_MAX];

wasi_io_input *__wasi_io__arg_input(int slot, int fd)
{
    return __wasi_io__host_input_init(&arg_inputs[slot], fd, &input_methods);
}

wasi_io_output *__wasi_io__arg_output(int slot, int fd)
{
    return __wasi_io__host_output_init(&arg_outputs[slot], fd,
                                      &output_methods);
}

enum __wasi_io__fd_state __wasi_io__check_host_fd(int fd, int want_write)
{
    __wasi_fdstat_t st;
    if (__wasi_io__import_fd_fdstat_get(fd, &st) != 0)
        return IO__FD_MISSING;
    if (st.fs_filetype == __WASI_FILETYPE_DIRECTORY)
        return IO__FD_DIRECTORY;
    __wasi_rights_t need =
        want_write ? __WASI_RIGHTS_FD_WRITE : __WASI_RIGHTS_FD_READ;
    return (st.fs_rights_base & need) ? IO__FD_OK : IO__FD_WRONG_WAY;
}
