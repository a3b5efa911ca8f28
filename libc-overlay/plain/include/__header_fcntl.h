/*
 * <__header_fcntl.h> for wasm32-wasi: wasi-libc's, with the O_* flags
 * that it spells as casts again as integer constants that #if can test
 * (<__wasi_open_flags.h>).
 */
#include_next <__header_fcntl.h>
#include <__wasi_open_flags.h>
