/*
 * bulk_mem.c - memcpy, memmove and memset of the vfs triples, over the
 * bulk-memory instructions (memory.copy, memory.fill).
 *
 * wasi-libc's are loops of wasm loads and stores; memory.copy and
 * memory.fill are the engine's own memmove and memset, several times
 * faster on long runs, but each costs a call out of the compiled code
 * (about 5 ns on V8): below BULK_MIN bytes a loop of 8-byte moves is
 * cheaper (bench/RESULTS.md, "Copies"). Compiled with -mbulk-memory (so
 * __builtin_memcpy and friends of a size not known at compile time become
 * the instructions) and __no_builtin__ (so that the loops stay loops
 * rather than turning back into calls to these functions).
 *
 * Contracts: the C standard's. As memory.copy traps on a range outside
 * memory even when the other one is valid, so does any wasm load or store
 * of these loops: an out-of-range pointer traps either way.
 */
#include <stdint.h>
#include <string.h>

#define BULK_MIN 128

/* A short copy upwards, 8 bytes at a time: each 8 are read before they
 * are written and never read again, so it also moves to a lower address
 * over an overlap. */
__attribute__((__no_builtin__)) static void up(unsigned char *d,
                                               const unsigned char *s,
                                               size_t n)
{
    for (; n >= 8; n -= 8, d += 8, s += 8) {
        uint64_t w;
        __builtin_memcpy(&w, s, 8);
        __builtin_memcpy(d, &w, 8);
    }
    while (n--)
        *d++ = *s++;
}

__attribute__((__no_builtin__)) void *memcpy(void *restrict dst,
                                             const void *restrict src,
                                             size_t n)
{
    if (n >= BULK_MIN)
        __builtin_memcpy(dst, src, n);
    else
        up(dst, src, n);
    return dst;
}

/* Short moves away from the overlap: upwards when d is below s (or there
 * is none), else downwards, 8 bytes at a time from the end. */
__attribute__((__no_builtin__)) void *memmove(void *dst, const void *src,
                                              size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    uint64_t w;

    if (n >= BULK_MIN) {
        __builtin_memmove(dst, src, n);
        return dst;
    }
    if ((uintptr_t)d - (uintptr_t)s >= n) { /* d before s, or no overlap */
        up(d, s, n);
    } else {
        for (; n >= 8; n -= 8) {
            __builtin_memcpy(&w, s + n - 8, 8);
            __builtin_memcpy(d + n - 8, &w, 8);
        }
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

__attribute__((__no_builtin__)) void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t w = 0x0101010101010101ull * (unsigned char)c;

    if (n >= BULK_MIN) {
        __builtin_memset(dst, c, n);
        return dst;
    }
    for (; n >= 8; n -= 8, d += 8)
        __builtin_memcpy(d, &w, 8);
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}
