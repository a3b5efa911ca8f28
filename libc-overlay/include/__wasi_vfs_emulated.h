/*
 * __wasi_vfs_emulated.h - turns on, for wasm32-wasi-vfs, the emulations
 * that plain wasi-libc keeps behind opt-in macros (its headers #error or
 * warn without them). Their archive members are part of this triple's
 * libc.a, so no -l flag is needed. Included by every wrapper header whose
 * wasi-libc counterpart tests one of these macros.
 */
#ifndef __wasi_vfs_emulated_h
#define __wasi_vfs_emulated_h

#ifndef _WASI_EMULATED_SIGNAL
#define _WASI_EMULATED_SIGNAL 1
#endif
#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS 1
#endif
#ifndef _WASI_EMULATED_GETPID
#define _WASI_EMULATED_GETPID 1
#endif
#ifndef _WASI_EMULATED_MMAN
#define _WASI_EMULATED_MMAN 1
#endif

#endif
