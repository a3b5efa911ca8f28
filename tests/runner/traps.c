/*
 * traps.c ACTION: traps the way C programs do, for wasi-run's trap report
 * (traps-test.sh). The calls go through a table the compiler cannot see
 * through, so that each function stays a frame of its own at -O2 and -Oz.
 *   oob       a load far past the end of memory, in read_far
 *   abort     abort(), in give_up
 *   deep      recursion with a frame in linear memory: the guest stack
 *             pointer runs below the start of memory, in descend
 *   engine    recursion with no frame in linear memory: the engine's call
 *             stack runs out, in spin
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int action(int);
static action read_far, give_up, descend, spin;
static action *volatile table[] = {read_far, give_up, descend, spin};
static const char *const names[] = {"oob", "abort", "deep", "engine"};

__attribute__((noinline)) static int read_far(int n)
{
    volatile int *p = (volatile int *)(0x7ffffff0u + (unsigned)n);
    return *p;
}

__attribute__((noinline)) static int give_up(int n)
{
    if (n >= 0)
        abort();
    return n;
}

__attribute__((noinline)) static int descend(int n)
{
    volatile char frame[1024];
    frame[n & 1023] = (char)n;
    return table[2](n + 1) + frame[(n * 7) & 1023];
}

__attribute__((noinline)) static int spin(int n)
{
    return table[3](n + 1) + 1;
}

int main(int argc, char **argv)
{
    for (unsigned i = 0; argc > 1 && i < sizeof names / sizeof *names; i++)
        if (strcmp(argv[1], names[i]) == 0)
            printf("%d\n", table[i](argc));
    return 2;
}
