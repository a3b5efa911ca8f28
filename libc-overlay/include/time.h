/*
 * <time.h> for wasm32-wasi-vfs and wasm32-wasi: wasi-libc's header with
 * its emulation enabled (see __wasi_vfs_emulated.h), plus tzset and its
 * variables, which wasi-libc hides (it has no time-zone tables): the zone
 * is always UTC (src/tzset.c).
 */
#include <__wasi_vfs_emulated.h>
#include_next <time.h>

#ifndef __wasi_vfs_time_h
#define __wasi_vfs_time_h

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
 || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)
void tzset(void);
extern char *tzname[2];
#endif

#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
extern int daylight;
extern long timezone;
#endif

#ifdef __cplusplus
}
#endif

#endif
