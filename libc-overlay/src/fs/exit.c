/*
 * exit.c - exit and __wasm_call_dtors, in place of wasi-libc's exit.o:
 * the same two steps (the program's atexit functions, then every FILE
 * flushed), then __wasi_vfs_at_exit when it is set: the archives that
 * WASI_VFS_OUT asks for (transfer/config.c). A function pointer rather than
 * an atexit registration, so that a module carries no atexit table for the
 * filesystem's sake. __wasm_call_dtors is what runs after main returns;
 * exit() runs it too, then _Exit.
 */
#include <stdlib.h>

#include "../transfer/boot.h"

void _Exit(int) __attribute__((__noreturn__));

/* wasi-libc's atexit.o and __stdio_exit.o define these when the program
 * uses atexit or stdio; null otherwise. */
void __funcs_on_exit(void) __attribute__((__weak__));
void __stdio_exit(void) __attribute__((__weak__));

void (*__wasi_vfs_at_exit)(void);

void __wasm_call_dtors(void)
{
    if (__funcs_on_exit)
        __funcs_on_exit();
    if (__stdio_exit)
        __stdio_exit();
    if (__wasi_vfs_at_exit)
        __wasi_vfs_at_exit();
}

void exit(int code)
{
    __wasm_call_dtors();
    _Exit(code);
}
