/*
 * <__header_sys_stat.h> for wasm32-wasi-vfs. wasi-libc's UTIME_NOW and
 * UTIME_OMIT are -1 and -2, which makes a tv_nsec of -1 "now" instead of
 * the EINVAL it is on Linux. The overlay's utimensat and futimens take the
 * Linux values, which are also the vfs core's.
 */
#include_next <__header_sys_stat.h>

#undef UTIME_NOW
#undef UTIME_OMIT
#define UTIME_NOW 0x3fffffff
#define UTIME_OMIT 0x3ffffffe
