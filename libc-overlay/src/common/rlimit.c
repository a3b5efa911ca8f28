/*
 * rlimit.c - getrlimit and setrlimit. A module's limits are fixed when it
 * is linked, so they are reported as they are and cannot be changed:
 *  - RLIMIT_NOFILE: the descriptors the program may have open (0 .. n-1):
 *    on wasm32-wasi-vfs the filesystem's table (1024, or the link's
 *    --vfs-max-open-files); on wasm32-wasi, where the host numbers the
 *    descriptors, Linux's default soft limit, 1024 (a finite number: code
 *    closes every descriptor below it);
 *  - RLIMIT_STACK: the module's stack, from the linker's __stack_low and
 *    __stack_high;
 *  - RLIMIT_CORE: 0 (no core dumps);
 *  - every other resource: RLIM_INFINITY (nothing limits it but memory).
 * Soft and hard limits are equal. setrlimit succeeds when it asks for
 * what the limits already are (disabling core dumps, raising the soft
 * limit to the hard one) and fails with EPERM otherwise; both fail with
 * EINVAL for an unknown resource, setrlimit also when rlim_cur >
 * rlim_max, as on Linux.
 */
#include <errno.h>
#include <sys/resource.h>

#include "common.h"
#ifndef WASI_VFS_PLAIN
#include "../internal.h" /* WASI_VFS_OPEN_MAX: the filesystem's table */
#endif

extern char __stack_low[], __stack_high[];

static int limit(int resource, rlim_t *out)
{
    switch (resource) {
    case RLIMIT_NOFILE:
#ifdef WASI_VFS_PLAIN
        *out = 1024;
#else
        *out = WASI_VFS_OPEN_MAX;
#endif
        return 0;
    case RLIMIT_STACK:
        *out = (rlim_t)(__stack_high - __stack_low);
        return 0;
    case RLIMIT_CORE:
        *out = 0;
        return 0;
    default:
        if ((unsigned)resource >= RLIMIT_NLIMITS) {
            errno = EINVAL;
            return -1;
        }
        *out = RLIM_INFINITY;
        return 0;
    }
}

int getrlimit(int resource, struct rlimit *rl)
{
    rlim_t v;
    if (limit(resource, &v))
        return -1;
    rl->rlim_cur = rl->rlim_max = v;
    return 0;
}

int setrlimit(int resource, const struct rlimit *rl)
{
    rlim_t v;
    if (limit(resource, &v))
        return -1;
    if (rl->rlim_cur > rl->rlim_max) {
        errno = EINVAL;
        return -1;
    }
    if (rl->rlim_cur != v || rl->rlim_max != v) {
        errno = EPERM;
        return -1;
    }
    return 0;
}
