/*
 * sysconf.c - sysconf for the names whose answer musl takes from the
 * system, where wasi-libc has none to give:
 *  - _SC_PHYS_PAGES: the pages (of _SC_PAGESIZE, a WebAssembly page of
 *    64 KiB) a wasm32 memory can hold, 4 GiB of them; as Emscripten
 *    answers with its heap's maximum. A module linked with a lower
 *    --max-memory gets less than that, which it cannot learn from inside;
 *  - _SC_AVPHYS_PAGES: those the memory has not grown to yet;
 *  - _SC_OPEN_MAX: getrlimit's RLIMIT_NOFILE (rlimit.c), as musl answers.
 * wasi-libc answers the first two with an internal code of its table
 * (-248 and -247: negative, and not -1), which programs multiply by the
 * page size (xz's physical memory came out as 16 EiB), and the third
 * with -1 while getrlimit says 1024.
 *
 * Every triple's flags.cfg links with --wrap=sysconf: a program's calls
 * reach __wrap_sysconf, which passes the other names on to wasi-libc's
 * sysconf (__real_sysconf).
 */
#include <sys/resource.h>
#include <unistd.h>

#include "common.h"

#define WASM32_PAGES 65536L /* 4 GiB of 64 KiB pages */

long __real_sysconf(int name);

long __wrap_sysconf(int name)
{
    struct rlimit rl;

    switch (name) {
    case _SC_PHYS_PAGES:
        return WASM32_PAGES;
    case _SC_AVPHYS_PAGES:
        return WASM32_PAGES - (long)__builtin_wasm_memory_size(0);
    case _SC_OPEN_MAX:
        if (getrlimit(RLIMIT_NOFILE, &rl))
            return -1;
        return (long)rl.rlim_cur;
    default:
        return __real_sysconf(name);
    }
}
