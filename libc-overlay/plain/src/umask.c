/*
 * umask.c - umask for wasm32-wasi: sets the file-creation mask and returns
 * the previous one (initially 022, only 0777 kept). It changes nothing
 * else: preview1 creates files without permission bits.
 */
#include <sys/stat.h>

static mode_t mask = 022;

mode_t umask(mode_t m)
{
    mode_t old = mask;
    mask = m & 0777;
    return old;
}
