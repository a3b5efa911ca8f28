/*
 * <__mode_t.h> for wasm32-wasi-vfs. wasi-libc gives S_IFIFO the value of
 * S_IFSOCK (WASI has no FIFO file type); the virtual filesystem has real
 * pipes, so S_IFIFO gets its traditional value 0010000, and S_IFMT (an or
 * of all the S_IF* macros) becomes 0170000.
 */
#include_next <__mode_t.h>

#undef S_IFIFO
#define S_IFIFO (0x1000)
