/*
 * unlowered.c - setjmp and longjmp for code compiled without clang's
 * WebAssembly SjLj lowering (-mllvm -wasm-enable-sjlj).
 *
 * Code compiled with the lowering never refers to setjmp or longjmp (its
 * calls become __wasm_setjmp and __wasm_longjmp, sjlj.c), so this member
 * is linked only into a program that called them without it. It cannot
 * work there; it refers to a symbol no library defines, whose name is the
 * remedy, so the link stops with
 *   undefined symbol: setjmp/longjmp need -mllvm -wasm-enable-sjlj ...
 * instead of producing a module.
 */
#include <setjmp.h>

#undef setjmp

extern _Noreturn void __wasi_sjlj_unlowered(void) __asm__(
    "setjmp/longjmp need -mllvm -wasm-enable-sjlj at compile time "
    "(the wasm32-wasi and wasm32-wasi-vfs drivers pass it)");

int setjmp(jmp_buf env)
{
    (void)env;
    __wasi_sjlj_unlowered();
}

void longjmp(jmp_buf env, int val)
{
    (void)env;
    (void)val;
    __wasi_sjlj_unlowered();
}
