/* sjlj.c - setjmp/longjmp (the exception-handling lowering) in a
 * component, compared with the native build by sjlj-test.sh: a jump out
 * of nested calls, longjmp(env, 0), a volatile local kept across the jump,
 * an inner buffer and an outer one, a thousand jumps in a loop. With
 * "fail", it exits 3 after the jumps; with "file PATH", it writes the
 * same report to PATH first (a component's files: wasi-run-component
 * --out, with the program's stdout on stderr once it used a file). */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static jmp_buf outer, inner;
static int deepest;

static void dive(jmp_buf env, int n, int val)
{
    deepest = n;
    if (n == 5)
        longjmp(env, val);
    if (n < 10)
        dive(env, n + 1, val);
}

static void report(FILE *f)
{
    volatile int count = 0, rounds = 0, r;
    r = setjmp(outer);
    if (r == 0)
        dive(outer, 0, 42);
    fprintf(f, "out of %d calls: setjmp returned %d\n", deepest, r);
    if (setjmp(outer) == 0)
        longjmp(outer, 0);
    fprintf(f, "longjmp(env, 0): setjmp returned 1\n");
    if ((r = setjmp(outer)) == 0) {
        if (setjmp(inner) == 0)
            dive(outer, 3, 7); /* past the inner buffer, to the outer one */
        fprintf(f, "not here\n");
    }
    fprintf(f, "over the inner buffer: %d\n", r);
    r = setjmp(inner);
    if (++rounds < 1000) {
        count += r;
        longjmp(inner, rounds);
    }
    fprintf(f, "%d jumps, sum %d\n", rounds, count);
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "file") == 0) {
        FILE *f = fopen(argv[2], "w");
        if (!f)
            return perror(argv[2]), 2;
        report(f);
        fclose(f);
    }
    report(stdout);
    return argc > 1 && strcmp(argv[1], "fail") == 0 ? 3 : 0;
}
