/* copies.c - the vfs triple's memcpy, memmove and memset
 * (libc-overlay/src/bulk/: loops below 128 bytes, memory.copy and
 * memory.fill from there on) against a byte-by-byte reference: every size
 * from 0 to 300 at every alignment of 0 to 7, overlapping moves both ways
 * at distances 1 to 9 and 127 to 131, the value memset stores (the low
 * byte of c), the pointer each returns, and no byte written outside the
 * range. */
#include "check.h"

#define AREA 1024

static unsigned char a[AREA], want[AREA];

/* Sizes come from here, so that no call has a size the compiler knows.
 * The functions are __no_builtin__: every memcpy, memmove and memset is a
 * call to the C library's, and the reference loops stay loops. */
static volatile int sizes_to = 300, aligns = 8;
#define NO_BUILTIN __attribute__((__no_builtin__))

NO_BUILTIN static void pattern(unsigned char *p, unsigned seed)
{
    unsigned i;
    for (i = 0; i < AREA; i++)
        p[i] = (unsigned char)(i * 7 + seed);
}

NO_BUILTIN static void keep(void)
{
    int i;
    for (i = 0; i < AREA; i++)
        want[i] = a[i];
}

NO_BUILTIN static int same(void)
{
    int i;
    for (i = 0; i < AREA; i++)
        if (a[i] != want[i])
            return 0;
    return 1;
}

NO_BUILTIN int main(void)
{
    int n, d, s, k, bad;
    static const int dist[] = {1, 2, 3, 7, 8, 9, 127, 128, 129, 131};

    bad = 0;
    for (n = 0; n <= sizes_to; n++)
        for (d = 0; d < aligns; d++)
            for (s = 0; s < aligns; s++) {
                pattern(a, 1);
                keep();
                for (k = 0; k < n; k++)
                    want[16 + d + k] = a[400 + s + k];
                bad += memcpy(a + 16 + d, a + 400 + s, (size_t)n) != a + 16 + d;
                bad += !same();
            }
    CHECK(bad == 0);

    bad = 0;
    for (n = 0; n <= sizes_to; n++)
        for (k = 0; k < (int)(sizeof dist / sizeof *dist); k++)
            for (s = -1; s <= 1; s += 2) {
                int from = 400, to = 400 + s * dist[k], i;
                pattern(a, 3);
                keep();
                if (to > from)
                    for (i = n - 1; i >= 0; i--)
                        want[to + i] = want[from + i];
                else
                    for (i = 0; i < n; i++)
                        want[to + i] = want[from + i];
                bad += memmove(a + to, a + from, (size_t)n) != a + to;
                bad += !same();
            }
    CHECK(bad == 0);

    bad = 0;
    for (n = 0; n <= sizes_to; n++)
        for (d = 0; d < aligns; d++) {
            pattern(a, 5);
            keep();
            for (k = 0; k < n; k++)
                want[100 + d + k] = 0x34;
            bad += memset(a + 100 + d, 0x1234, (size_t)n) != a + 100 + d;
            bad += !same();
        }
    CHECK(bad == 0);
    return DONE();
}
