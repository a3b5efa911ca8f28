/*
 * sjlj.c - the runtime of clang's WebAssembly setjmp/longjmp lowering
 * (-mllvm -wasm-enable-sjlj, LLVM 19's WebAssemblyLowerEmscriptenEHSjLj),
 * compiled with -mexception-handling (and the lowering flag, which makes
 * the compiler define the tag here).
 *
 * The contract with the code the lowering emits:
 *  - each setjmp(env) call site calls __wasm_setjmp(env, label, id): label
 *    (>= 1) numbers the call site within its function, id identifies the
 *    function's current activation;
 *  - longjmp(env, val) becomes __wasm_longjmp(env, val), which throws the
 *    C longjmp tag (__c_longjmp, tag index 1) with a pointer to two words:
 *    env, then the value setjmp shall return;
 *  - every function that called setjmp catches that tag, loads env and the
 *    value, and asks __wasm_setjmp_test(env, id): the label when env was
 *    set by this very activation, so setjmp returns the value there, or 0,
 *    and the function rethrows to its caller with __wasm_longjmp(env, val).
 * The payload lives in the jmp_buf itself (words 2 and 3 of <setjmp.h>'s
 * __jb), which outlives the unwinding. longjmp(env, 0) makes setjmp return
 * 1, as C requires.
 */
#include <stdint.h>

struct jmp {
    void *id;      /* the activation that called setjmp */
    uint32_t label; /* its setjmp call site */
    struct {
        void *env;
        int val;
    } arg; /* what __wasm_longjmp throws */
};

_Static_assert(sizeof(struct jmp) <= 4 * sizeof(unsigned long),
               "struct jmp must fit in jmp_buf's __jb");

void __wasm_setjmp(void *env, uint32_t label, void *id)
{
    struct jmp *j = env;
    j->id = id;
    j->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *id)
{
    struct jmp *j = env;
    return j->id == id ? j->label : 0;
}

void __wasm_longjmp(void *env, int val)
{
    struct jmp *j = env;
    j->arg.env = env;
    j->arg.val = val ? val : 1;
    __builtin_wasm_throw(1, &j->arg);
}
