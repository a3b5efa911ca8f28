/*
 * p2_cli.c - args_get, args_sizes_get, environ_get, environ_sizes_get and
 * proc_exit for wasi-libc on wasm32-wasip2-vfs, over
 * wasi:cli/environment and wasi:cli/exit.
 *
 * Contracts, as preview1's: the sizes calls give the count and the bytes
 * the strings take with their NUL ("KEY=VALUE" for the environment); the
 * get calls fill an array of pointers into a buffer the caller sized with
 * them; both return 0 (the interfaces cannot fail). proc_exit does not
 * return: wasi:cli/exit carries success or failure only, so status 0 is
 * success and any other status is failure, which a host reports as 1.
 */
#include <string.h>
#include "p2.h"

int32_t __imported_wasi_snapshot_preview1_args_sizes_get(__wasi_size_t *argc,
                                                         __wasi_size_t *size)
{
    wasip2_list_string_t a;
    __wasi_size_t bytes = 0;

    environment_get_arguments(&a);
    for (size_t i = 0; i < a.len; i++)
        bytes += a.ptr[i].len + 1;
    *argc = a.len;
    *size = bytes;
    wasip2_list_string_free(&a);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_args_get(uint8_t **argv, uint8_t *buf)
{
    wasip2_list_string_t a;

    environment_get_arguments(&a);
    for (size_t i = 0; i < a.len; i++) {
        argv[i] = buf;
        memcpy(buf, a.ptr[i].ptr, a.ptr[i].len);
        buf += a.ptr[i].len;
        *buf++ = 0;
    }
    wasip2_list_string_free(&a);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_environ_sizes_get(__wasi_size_t *count,
                                                            __wasi_size_t *size)
{
    wasip2_list_tuple2_string_string_t e;
    __wasi_size_t bytes = 0;

    environment_get_environment(&e);
    for (size_t i = 0; i < e.len; i++)
        bytes += e.ptr[i].f0.len + 1 + e.ptr[i].f1.len + 1;
    *count = e.len;
    *size = bytes;
    wasip2_list_tuple2_string_string_free(&e);
    return 0;
}

int32_t __imported_wasi_snapshot_preview1_environ_get(uint8_t **environ, uint8_t *buf)
{
    wasip2_list_tuple2_string_string_t e;

    environment_get_environment(&e);
    for (size_t i = 0; i < e.len; i++) {
        environ[i] = buf;
        memcpy(buf, e.ptr[i].f0.ptr, e.ptr[i].f0.len);
        buf += e.ptr[i].f0.len;
        *buf++ = '=';
        memcpy(buf, e.ptr[i].f1.ptr, e.ptr[i].f1.len);
        buf += e.ptr[i].f1.len;
        *buf++ = 0;
    }
    wasip2_list_tuple2_string_string_free(&e);
    return 0;
}

_Noreturn void __imported_wasi_snapshot_preview1_proc_exit(int32_t status)
{
    exit_result_void_void_t r = { .is_err = status != 0 };
    exit_exit(&r);
    __builtin_trap();
}
