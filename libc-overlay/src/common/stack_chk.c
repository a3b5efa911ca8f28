/*
 * stack_chk.c - the runtime of clang's -fstack-protector (Debian's
 * hardening flags pass -fstack-protector-strong): the canary that
 * protected functions keep below their locals, and the call made when it
 * was overwritten. For a wasi-libc without them (Debian 12's); over one
 * that has them, wasi-libc's stay (YIELDS in the merge). Needs nothing but
 * wasi-libc: wasm32-wasi-io's libc.a has it too (io/CMakeLists.txt).
 *
 * The canary is random (the host's random_get) with its low byte 0, as
 * glibc's, so that a string overflow cannot write it back; it is set by a
 * constructor, before main, in programs that use it. __stack_chk_fail
 * writes glibc's line to stderr and aborts (SIGABRT: a trap under WASI).
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <wasi/api.h>

uintptr_t __stack_chk_guard;

__attribute__((constructor, no_stack_protector)) static void
init_guard(void)
{
    uintptr_t g = 0;
    (void)!__wasi_random_get((uint8_t *)&g, sizeof g);
    __stack_chk_guard = g & ~(uintptr_t)0xff;
}

__attribute__((noreturn, no_stack_protector)) void __stack_chk_fail(void)
{
    static const char msg[] = "*** stack smashing detected ***: terminated\n";
    (void)!write(2, msg, sizeof msg - 1);
    abort();
}
