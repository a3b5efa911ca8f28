/* mem.c - the harness's randomness, its two memory regions and their
 * shadow copies, and places for buffers good and bad (guest.h). */
#include <string.h>

#include "guest.h"

#define PAGE 65536

static uint64_t state;

void rnd_seed(uint64_t seed)
{
    state = seed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
    if (!state)
        state = 1;
}

uint64_t rnd(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1dull;
}

uint32_t below(uint32_t n)
{
    return (uint32_t)(rnd() >> 32) % n;
}

int one_in(uint32_t n)
{
    return below(n) == 0;
}

static uint8_t arena_bytes[ARENA];
uint8_t *arena = arena_bytes;
uint8_t *tail;
static uint8_t arena_copy[ARENA], tail_copy[TAIL];

uintptr_t mem_end(void)
{
    return (uintptr_t)__builtin_wasm_memory_size(0) * PAGE;
}

void tail_own(void)
{
    if (tail && (uintptr_t)tail + TAIL == mem_end())
        return;
    /* Memory grew past the old tail (the allocator took pages), or there
     * is none yet: a fresh page. The allocator never uses a page it did not
     * grow itself. */
    if (__builtin_wasm_memory_grow(0, 1) == (size_t)-1)
        fail("cannot grow memory for the tail");
    tail = (uint8_t *)(mem_end() - TAIL);
    for (size_t i = 0; i < TAIL; i++)
        tail[i] = (uint8_t)rnd();
}

void regions_scramble(void)
{
    for (size_t i = 0; i < ARENA; i++)
        arena[i] = (uint8_t)rnd();
    for (size_t i = 0; i < TAIL; i++)
        tail[i] = (uint8_t)rnd();
}

void shadow_take(void)
{
    memcpy(arena_copy, arena, ARENA);
    memcpy(tail_copy, tail, TAIL);
}

void shadow_put(uintptr_t p, const void *src, size_t n)
{
    if (!n)
        return;
    if (!in_regions(p, n))
        fail("model error: shadow_put outside the regions");
    if (p >= (uintptr_t)arena && p < (uintptr_t)arena + ARENA)
        memmove(arena_copy + (p - (uintptr_t)arena), src, n);
    else
        memmove(tail_copy + (p - (uintptr_t)tail), src, n);
}

static int same(const uint8_t *now, const uint8_t *copy, size_t n,
                const char *region, const char *what)
{
    size_t i;
    if (!memcmp(now, copy, n))
        return 1;
    for (i = 0; now[i] == copy[i]; i++)
        ;
    fail("%s: %s byte %zu (address %#lx) is %#x, expected %#x", what,
         region, i, (unsigned long)(uintptr_t)(now + i), now[i], copy[i]);
}

int shadow_same(const char *what)
{
    n_checks++;
    return same(arena, arena_copy, ARENA, "arena", what) &&
           same(tail, tail_copy, TAIL, "tail", what);
}

int in_regions(uintptr_t p, size_t len)
{
    uint64_t end = (uint64_t)p + len;
    return (p >= (uintptr_t)arena && end <= (uintptr_t)arena + ARENA) ||
           (p >= (uintptr_t)tail && end <= (uint64_t)(uintptr_t)tail + TAIL);
}

int valid(uintptr_t p, uint64_t len)
{
    return !len || (p && (uint64_t)p + len <= mem_end());
}

uintptr_t place(size_t len, int allow_bad, int *bad)
{
    uintptr_t end = mem_end();
    *bad = 0;
    if (allow_bad && (one_in(8) || (len > ARENA && len > TAIL))) {
        *bad = len > 0;
        switch (below(5)) {
        case 0:
            return 0;                          /* NULL */
        case 1:                                /* across the end */
            return end - below((uint32_t)(len && len < 64 ? len : 64));
        case 2:
            return end + below(4096);          /* past the end */
        case 3:
            return UINT32_MAX - below(16);     /* the top of the space */
        default:                               /* just across the end */
            return end - (len > 1 ? len - 1 : 0);
        }
    }
    if (len <= TAIL && one_in(3))
        return one_in(2) ? end - len                    /* ends at the end */
                         : (uintptr_t)tail + below((uint32_t)(TAIL - len + 1));
    if (len <= ARENA)
        return (uintptr_t)arena + below((uint32_t)(ARENA - len + 1));
    fail("model error: no good place for %zu bytes", len);
}
