/*
 * bench.h - what the workload programs share: a monotonic clock, result
 * lines, argument parsing, a fatal-error exit.
 *
 * Every program builds unchanged natively and for wasm32-wasi and
 * wasm32-wasi-vfs; only POSIX calls that all three offer are used.
 *
 * Result lines, one per measured loop, on stdout (run.mjs reads them):
 *
 *   bench NAME COUNT UNIT CPU_SECONDS WALL_SECONDS
 *
 * NAME names the loop (a-z, 0-9, '.', '_'); COUNT is how many UNITs it did
 * ("op" for operations, "B" for bytes); CPU_SECONDS is the CPU time the
 * loop took (CLOCK_THREAD_CPUTIME_ID: the program's own thread, kernel
 * time of its system calls included), WALL_SECONDS the elapsed time
 * (CLOCK_MONOTONIC). On a shared machine the elapsed time also counts the
 * time other processes held the CPU; the CPU time does not. Anything else
 * a program prints is a comment. A program exits 0 only when every loop
 * did what it should (its results are checked, outside the timed part
 * where that costs time).
 */
#ifndef BENCH_H
#define BENCH_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A moment on both clocks. */
struct bench_t {
    double cpu, wall;
};

static inline double bench_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline struct bench_t bench_now(void)
{
    struct bench_t t;
    t.wall = bench_clock(CLOCK_MONOTONIC);
    t.cpu = bench_clock(CLOCK_THREAD_CPUTIME_ID);
    return t;
}

/* Reports the loop that started at `start` and ends now. */
static inline void bench_report(const char *name, double count,
                                const char *unit, struct bench_t start)
{
    struct bench_t end = bench_now();
    printf("bench %s %.0f %s %.9f %.9f\n", name, count, unit,
           end.cpu - start.cpu, end.wall - start.wall);
    fflush(stdout);
}

/* Prints "PROGRAM: message: strerror(errno)" (the errno of the failed
 * call) and exits 1. */
static inline void bench_die(const char *fmt, ...)
{
    int e = errno;
    va_list ap;
    fputs("bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, ": %s\n", strerror(e));
    exit(1);
}

/* argv[i] as a positive count; exits 2 when it is not one. Accepts a
 * binary suffix: 64K, 256M. */
static inline long bench_arg(char **argv, int argc, int i)
{
    char *end;
    long v;
    if (i >= argc) {
        fprintf(stderr, "bench: missing argument %d\n", i);
        exit(2);
    }
    v = strtol(argv[i], &end, 10);
    if (*end == 'K')
        v <<= 10, end++;
    else if (*end == 'M')
        v <<= 20, end++;
    if (*end || v <= 0) {
        fprintf(stderr, "bench: bad count %s\n", argv[i]);
        exit(2);
    }
    return v;
}

/* A small fast generator (xorshift64*), the same sequence everywhere. */
static inline unsigned long long bench_rand(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

/* Native builds on the vfs core: the POSIX calls go to it. */
#ifdef BENCH_ON_VFS
#include "vfs_shim.h"
#endif

#endif
