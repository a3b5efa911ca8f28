/* sjlj-error: compiled by plain clang without the SjLj lowering
 * (-mllvm -wasm-enable-sjlj), <setjmp.h> compiles but the link stops with
 * an undefined symbol that names the flag (a ctest checks it). */
#include <setjmp.h>

static jmp_buf env;

int main(int argc, char **argv)
{
    (void)argv;
    if (setjmp(env))
        return 1;
    if (argc > 5)
        longjmp(env, 2);
    return 0;
}
