/* leak_fuzz.c - a libFuzzer target, built as the project's fuzzers are,
 * that leaks on inputs starting with 'L': a corpus run must fail with
 * LeakSanitizer's report. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *volatile sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *p = malloc(size + 1);
    memcpy(p, data, size);
    sink = p;
    sink = NULL;
    if (!(size && data[0] == 'L'))
        free(p);
    return 0;
}
