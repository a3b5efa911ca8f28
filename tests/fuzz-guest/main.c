/*
 * main.c - the guest-memory fuzzer (README.md): guest SEED [OPERATIONS].
 * Prints one summary line and exits 0, or names the first divergence from
 * the model and exits 1.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"

uint64_t n_ops, n_checks;
const char *op_name = "setup";
static uint64_t seed;

void fail(const char *fmt, ...)
{
    va_list ap;
    printf("guest: seed %" PRIu64 ", operation %" PRIu64 " (%s): ", seed,
           n_ops, op_name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    exit(1);
}

int main(int argc, char **argv)
{
    uint64_t ops = 20000, i;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: guest SEED [OPERATIONS]\n");
        return 2;
    }
    seed = strtoull(argv[1], NULL, 0);
    if (argc == 3)
        ops = strtoull(argv[2], NULL, 0);
    rnd_seed(seed);
    /* At least 4 MiB of memory, so that a few hundred iovecs covering all
     * of it sum past SSIZE_MAX. */
    if (mem_end() < (4u << 20) &&
        __builtin_wasm_memory_grow(0, ((4u << 20) - mem_end()) >> 16) ==
            (size_t)-1)
        fail("cannot grow memory");
    tail_own();
    regions_scramble();
    rw_setup();
    dir_setup();
    paths_setup();
    for (i = 0; i < ops; i++) {
        uint32_t r = below(100);
        n_ops++;
        if (r < 55)
            rw_op();
        else if (r < 75)
            dir_op();
        else
            paths_op();
        if (one_in(64))
            rw_verify();
        if (one_in(16))
            regions_scramble();
    }
    op_name = "end";
    rw_verify();
    printf("guest: seed %" PRIu64 ": %" PRIu64 " operations, %" PRIu64
           " checks\n",
           seed, n_ops, n_checks);
    return 0;
}
