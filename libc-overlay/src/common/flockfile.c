/*
 * flockfile.c - flockfile, ftrylockfile, funlockfile: a module runs one
 * thread, so a stream is always free for it. Locking does nothing and
 * ftrylockfile always succeeds (0). Shared by wasm32-wasi-vfs and
 * wasm32-wasi.
 */
#include <stdio.h>

void flockfile(FILE *f)
{
    (void)f;
}

int ftrylockfile(FILE *f)
{
    (void)f;
    return 0;
}

void funlockfile(FILE *f)
{
    (void)f;
}
