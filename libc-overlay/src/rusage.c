/*
 * rusage.c - getrusage over the whole struct rusage of <sys/resource.h>
 * (wasi-libc's emulation fills only the two times of its shorter struct).
 * RUSAGE_SELF: ru_utime is the process CPU-time clock (the host's
 * measure of the instance), ru_stime 0, ru_maxrss the module's linear
 * memory in KiB (it never shrinks, so the current size is the peak), the
 * other fields 0. RUSAGE_CHILDREN: all 0 (there are none). Another `who`
 * is EINVAL.
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

int getrusage(int who, struct rusage *ru)
{
    struct timespec t;
    if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN) {
        errno = EINVAL;
        return -1;
    }
    memset(ru, 0, sizeof *ru);
    if (who == RUSAGE_SELF) {
        if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0) {
            ru->ru_utime.tv_sec = t.tv_sec;
            ru->ru_utime.tv_usec = t.tv_nsec / 1000;
        }
        ru->ru_maxrss = (long)(__builtin_wasm_memory_size(0) * 64);
    }
    return 0;
}
