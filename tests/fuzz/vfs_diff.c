/*
 * vfs_diff.c - libFuzzer entry point of the differential fuzzer.
 *
 * For each input: reset both sides, run the decoded operations one by one
 * comparing every result, then fstat and close every descriptor still open
 * and compare the whole tree. Any difference prints the program and both
 * results and aborts. At exit, prints how many inputs and operations were
 * compared. VFS_DIFF_TRACE in the environment prints every operation.
 */
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG_MAX (DIFF_MAX_OPS + 2 * 64 + 2)

static struct diff_op decoded[DIFF_MAX_OPS];
static struct diff_op prog[PROG_MAX];
static struct diff_result rv, rl;
static unsigned long long n_inputs, n_ops, n_skipped;
static int trace;   /* VFS_DIFF_TRACE set: print every operation */

static void report(void)
{
    fprintf(stderr,
            "vfs_diff: %llu inputs, %llu operations compared, %llu skipped\n",
            n_inputs, n_ops, n_skipped);
}

/* Appends op to the program, runs it on both sides and compares. */
static void step(int *n, const struct diff_op *op)
{
    prog[*n] = *op;
    diff_exec_vfs(&prog[*n], &rv);
    diff_jail_exec(&prog[*n], &rl);
    n_ops++;
    if (trace) {
        diff_print_op(&prog[*n], *n);
        fprintf(stderr, "      -> %lld\n", (long long)rl.ret);
    }
    if (diff_compare(prog, *n + 1, *n, &rv, &rl)) {
        report();
        abort();
    }
    ++*n;
}

static void simple(struct diff_op *op, int kind, int fd)
{
    memset(op, 0, offsetof(struct diff_op, path));
    op->path[0] = op->path2[0] = 0;
    op->kind = kind;
    op->fd = fd;
    op->fd2 = -1;
    op->dirfd = op->dirfd2 = DIFF_FD_CWD;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int started;
    static struct diff_op tmp;
    uint64_t open_fds = 0;
    int nd, n = 0, i, fd;

    if (!started) {
        diff_jail_start();
        atexit(report);
        trace = getenv("VFS_DIFF_TRACE") != NULL;
        started = 1;
    }
    n_inputs++;
    nd = diff_decode(data, size, decoded, DIFF_MAX_OPS);
    simple(&tmp, OP_RESET, -1);
    step(&n, &tmp);
    for (i = 0; i < nd; i++) {
        const struct diff_op *op = &decoded[i];
        if (diff_makes_fd(op) &&
            __builtin_popcountll(open_fds) >= DIFF_MAX_FDS) {
            n_skipped++;
            continue;
        }
        step(&n, op);
        if (rv.ret >= 0 && rv.ret < 64 &&
            (op->kind == OP_OPEN || op->kind == OP_DUP ||
             op->kind == OP_DUPFD || op->kind == OP_DUP2 ||
             op->kind == OP_DUP3))
            open_fds |= (uint64_t)1 << rv.ret;
        if (op->kind == OP_CLOSE && rv.ret == 0)
            open_fds &= ~((uint64_t)1 << op->fd);
    }
    for (fd = 0; fd < 64; fd++)
        if (open_fds & ((uint64_t)1 << fd)) {
            simple(&tmp, OP_FSTAT, fd);
            step(&n, &tmp);
            simple(&tmp, OP_CLOSE, fd);
            step(&n, &tmp);
        }
    simple(&tmp, OP_TREE, -1);
    step(&n, &tmp);
    return 0;
}
