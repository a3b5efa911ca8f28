/* Native builds: the standard streams and the typed entry point's streams
 * are descriptors of the process, through the C library (posix_fd.c). */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <sys/stat.h>

#include "../fd_kind.h"

static io__fd_input std_in;
static io__fd_output std_out, std_err;

io_input *io_stdin(void)
{
    return io__fd_input_init(&std_in, 0);
}

io_output *io_stdout(void)
{
    return io__fd_output_init(&std_out, 1);
}

io_output *io_stderr(void)
{
    return io__fd_output_init(&std_err, 2);
}

static io__fd_input arg_inputs[IO_MAIN_MAX];
static io__fd_output arg_outputs[IO_MAIN_MAX];

io_input *io__arg_input(int slot, int fd)
{
    return io__fd_input_init(&arg_inputs[slot], fd);
}

io_output *io__arg_output(int slot, int fd)
{
    return io__fd_output_init(&arg_outputs[slot], fd);
}

enum io__fd_state io__check_host_fd(int fd, int want_write)
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

/* Natively main() receives the arguments; IO_MAIN never asks. */
int io__args(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return IO_ENOTSUP;
}
