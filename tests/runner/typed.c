/* A typed entry point (WASI_IO_MAIN) for the runner's tests: two inputs, one
 * output. Prints its arguments, then copies input 1 and input 2 to the
 * output. After --: "poll" polls the three streams first; "seek" tries to
 * seek input 1; "fail N" exits with N after copying. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <wasi_io.h>

WASI_IO_MAIN(concat, WASI_IO_IN("text"), WASI_IO_IN("text"), WASI_IO_OUT("text"))

int concat(int argc, char **argv)
{
    printf("args:");
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    if (argc > 1 && strcmp(argv[1], "poll") == 0) {
        wasi_io_pollable p[3] = {{.input = wasi_io_arg_input(0)},
                            {.input = wasi_io_arg_input(1)},
                            {.output = wasi_io_arg_output(0)}};
        printf("poll %d\n", wasi_io_poll(p, 3, -1));
    }
    if (argc > 1 && strcmp(argv[1], "seek") == 0) {
        off_t r = lseek(3, 0, SEEK_SET);
        printf("lseek %ld %s\n", (long)r, r < 0 && errno == ESPIPE ? "ESPIPE" : "?");
    }
    for (int i = 0; i < 2; i++)
        if (wasi_io_copy(wasi_io_arg_output(0), wasi_io_arg_input(i)) < 0)
            return 9;
    if (argc > 2 && strcmp(argv[1], "fail") == 0)
        return atoi(argv[2]);
    return 0;
}
