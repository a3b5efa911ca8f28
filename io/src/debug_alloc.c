/* IO_DEBUG builds only (the unit tests): allocations that fail on demand.
 * __wasi_io__debug_alloc_fail_at = n makes the n-th allocation from then on fail
 * (1 = the next one; 0 = none fails). */
#include <stdlib.h>

#include "internal.h"

IO_HIDDEN long __wasi_io__debug_alloc_fail_at;

void *__wasi_io__debug_realloc(void *p, size_t n)
{
    if (__wasi_io__debug_alloc_fail_at > 0 && --__wasi_io__debug_alloc_fail_at == 0)
        return NULL;
    return realloc(p, n);
}
