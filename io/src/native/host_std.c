/* Native builds: the standard streams and the typed entry point's streams
 * are descriptors of the process, through the C library (posix_fd.c). */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <sys/stat.h>

#include "../fd_kind.h"

static __wasi_io__fd_input std_in;
static __wasi_io__fd_output std_out, std_err;

wasi_io_input *wasi_io_stdin(void)
{
    return __wasi_io__fd_input_init(&std_in, 0);
}

wasi_io_output *wasi_io_stdout(void)
{
    return __wasi_io__fd_output_init(&std_out, 1);
}

wasi_io_output *wasi_io_stderr(void)
{
    return __wasi_io__fd_output_init(&std_err, 2);
}

static __wasi_io__fd_input arg_inputs[WASI_IO_MAIN_MAX];
static __wasi_io__fd_output arg_outputs[WASI_IO_MAIN_MAX];

wasi_io_input *__wasi_io__arg_input(int slot, int fd)
{
    return __wasi_io__fd_input_init(&arg_inputs[slot], fd);
}

wasi_io_output *__wasi_io__arg_output(int slot, int fd)
{
    return __wasi_io__fd_output_init(&arg_outputs[slot], fd);
}

enum __wasi_io__fd_state __wasi_io__check_host_fd(int fd, int want_write)
{
    struct stat st;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return IO__FD_MISSING;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        return IO__FD_DIRECTORY;
    int mode = flags & O_ACCMODE;
    int ok = want_write ? mode == O_WRONLY || mode == O_RDWR
                        : mode == O_RDONLY || mode == O_RDWR;
    return ok ? IO__FD_OK : IO__FD_WRONG_WAY;
}

/* Natively main() receives the arguments; WASI_IO_MAIN never asks. */
int __wasi_io__args(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return WASI_IO_ENOTSUP;
}
