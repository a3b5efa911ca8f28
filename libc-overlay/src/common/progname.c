/*
 * progname.c - what <errno.h>'s program_invocation_name and
 * program_invocation_short_name stand for (../../include/errno.h):
 * wasi-libc's own two variables (musl's __progname_full and __progname,
 * which its err() and warn() print too), filled on the first use of either
 * name from the module's first argument, as musl fills them before main.
 * Once filled (or assigned by the program), they are left alone. The
 * argument's bytes stay allocated for the program's life; without
 * arguments, or without the memory for them, both stay NULL.
 */
#include <stdint.h>
#include <stdlib.h>
#include <wasi/api.h>

#include "common.h"

/* the variables themselves, not the header's names for them */
#undef program_invocation_name
#undef program_invocation_short_name
extern char *program_invocation_name, *program_invocation_short_name;

static void name_program(void)
{
    static int done;
    __wasi_size_t argc, size;
    uint8_t **argv;
    char *buf, *p;

    if (done)
        return;
    done = 1;
    if (program_invocation_name || program_invocation_short_name ||
        __wasi_args_sizes_get(&argc, &size) || !argc || !size)
        return;
    argv = calloc(argc, sizeof *argv); /* argc * 4 may not fit */
    buf = malloc(size);
    if (!argv || !buf || __wasi_args_get(argv, (uint8_t *)buf)) {
        free(argv);
        free(buf);
        return;
    }
    /* argv[0] points into buf, which is kept */
    program_invocation_name = program_invocation_short_name = (char *)argv[0];
    for (p = program_invocation_name; *p; p++)
        if (*p == '/')
            program_invocation_short_name = p + 1;
    free(argv);
}

char **__wasi_vfs_program_invocation_name(void)
{
    name_program();
    return &program_invocation_name;
}

char **__wasi_vfs_program_invocation_short_name(void)
{
    name_program();
    return &program_invocation_short_name;
}
