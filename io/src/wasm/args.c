/* The program's arguments for WASI_IO_MAIN. wasi-libc reads them with malloc
 * before main(int, char **); WASI_IO_MAIN's main(void) lets this file read
 * them into static storage instead, so that a program that never
 * allocates carries no allocator. Larger argument lists use malloc when
 * the program links it anyway (a weak reference never pulls it in). */
#include "../internal.h"
#include "imports.h"

#define STATIC_ARGS 64
#define STATIC_BYTES 4096

IO_IMPORT(args_sizes_get)
int32_t __wasi_io__import_args_sizes_get(__wasi_size_t *argc, __wasi_size_t *size);

IO_IMPORT(args_get)
int32_t __wasi_io__import_args_get(uint8_t **argv, uint8_t *buf);

extern void *malloc(size_t) __attribute__((weak));

static char *static_argv[STATIC_ARGS + 1];
static char static_buf[STATIC_BYTES];

int __wasi_io__args(int *argc, char ***argv)
{
    __wasi_size_t n = 0, size = 0;
    char **av = static_argv;
    char *buf = static_buf;
    int32_t e = __wasi_io__import_args_sizes_get(&n, &size);
    if (e != 0)
        return -(int)e;
    if (n > STATIC_ARGS || size > STATIC_BYTES) {
        if (malloc == NULL || n > 0x0fffffff)
            return WASI_IO_ENOMEM;
        av = malloc((n + 1) * sizeof *av);
        buf = malloc(size);
        if (av == NULL || buf == NULL)
            return WASI_IO_ENOMEM;
    }
    e = __wasi_io__import_args_get((uint8_t **)av, (uint8_t *)buf);
    if (e != 0)
        return -(int)e;
    av[n] = NULL;
    *argc = (int)n;
    *argv = av;
    return 0;
}
