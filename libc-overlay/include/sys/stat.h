/*
 * <sys/stat.h> for wasm32-wasi-vfs: wasi-libc's header plus the permission
 * calls it hides, which the overlay provides (the virtual filesystem keeps
 * real mode bits and a umask).
 */
#include_next <sys/stat.h>

#ifndef __wasi_vfs_sys_stat_h
#define __wasi_vfs_sys_stat_h

#ifdef __cplusplus
extern "C" {
#endif

mode_t umask(mode_t);
int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int fchmodat(int, const char *, mode_t, int);

#ifdef __cplusplus
}
#endif

#endif
