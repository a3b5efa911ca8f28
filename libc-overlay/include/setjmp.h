/*
 * <setjmp.h> for wasm32-wasi-vfs and wasm32-wasi (wasi-libc has none).
 *
 * WebAssembly cannot save and restore a call stack, so setjmp/longjmp are
 * lowered by the compiler (clang's -mllvm -wasm-enable-sjlj): each setjmp
 * call site records a label in the buffer, and longjmp throws a WebAssembly
 * exception that the function which called setjmp catches. The runtime
 * that lowering calls (__wasm_setjmp, __wasm_setjmp_test, __wasm_longjmp)
 * is in this triple's libc. The host must support WebAssembly exception
 * handling (Node.js does).
 *
 * Calls compiled without the lowering (plain clang, no -mllvm
 * -wasm-enable-sjlj: wasi-sdk's convention, which this triple's drivers
 * follow for the user) stay calls to setjmp and longjmp themselves; libc
 * defines those only to stop the link with an undefined symbol that says
 * so (src/common/sjlj/unlowered.c). Including this header needs no flag.
 *
 * Only direct calls to setjmp are lowered, so _setjmp and sigsetjmp are
 * macros for it; there is no signal mask to save. As anywhere, a longjmp to
 * a function that has returned is undefined (here it traps).
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif

/* Words 0-3 belong to the lowering's runtime (activation, label, and the
 * exception payload: buffer address and value); the rest is room for a
 * signal mask. */
typedef struct __jmp_buf_tag {
    unsigned long __jb[4];
    unsigned long __fl;
    unsigned long __ss[128 / sizeof(long)];
} jmp_buf[1];

typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf) __attribute__((__returns_twice__));
void longjmp(jmp_buf, int) __attribute__((__noreturn__));

#define setjmp setjmp
#define _setjmp(env) setjmp(env)
#define _longjmp(env, val) longjmp((env), (val))
#define sigsetjmp(env, savemask) setjmp(env)
#define siglongjmp(env, val) longjmp((env), (val))

#ifdef __cplusplus
}
#endif

#endif
