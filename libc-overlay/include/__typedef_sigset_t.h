/*
 * <__typedef_sigset_t.h> for wasm32-wasi-vfs and wasm32-wasi. wasi-libc's
 * placeholder sigset_t is one unsigned char, too small for its 31 signals;
 * this is musl's (a bit per signal, 1 .. _NSIG-1), which sigemptyset and
 * the other set calls of this libc (src/sigaction.c) work on. wasi-libc
 * itself only passes sigset_t pointers on (pselect, ppoll), so the larger
 * type changes no call of it.
 */
#ifndef __wasilibc___typedef_sigset_t_h
#define __wasilibc___typedef_sigset_t_h

typedef struct __sigset_t {
    unsigned long __bits[128 / sizeof(long)];
} sigset_t;

#endif
