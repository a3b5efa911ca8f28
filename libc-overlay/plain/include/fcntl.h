/*
 * <fcntl.h> for wasm32-wasi: wasi-libc's header plus the record-lock
 * constants (<__wasi_fcntl_locks.h>), so that code which locks files
 * compiles. preview1 cannot lock a host file: wasi-libc's fcntl fails on
 * F_GETLK, F_SETLK and F_SETLKW with EINVAL. F_DUPFD is not defined (a
 * descriptor cannot be duplicated).
 */
#include_next <fcntl.h>

#include <__wasi_fcntl_locks.h>
