/*
 * <__wasi_open_flags.h>: wasi-libc's O_APPEND, O_DSYNC, O_NONBLOCK,
 * O_RSYNC, O_SYNC, O_CREAT, O_DIRECTORY, O_EXCL and O_TRUNC again, with
 * their values, as integer constants that #if can test. wasi-libc spells
 * them as casts to WASI's flag types (O_NONBLOCK is
 * ((__wasi_fdflags_t)(1 << 2))), which C accepts and the preprocessor
 * does not: `#if defined F_SETFL && O_NONBLOCK` (gzip's util.c) stops a
 * build with "token is not a valid binary operator". Included after
 * wasi-libc's <__header_fcntl.h> by the wrappers of both triples;
 * src/common/open_flags.c fails to compile if a value differs from
 * wasi-libc's.
 */
#ifndef __wasi_open_flags_h
#define __wasi_open_flags_h

/* WASI's fdflags, as they are */
#undef O_APPEND
#define O_APPEND 0x0001
#undef O_DSYNC
#define O_DSYNC 0x0002
#undef O_NONBLOCK
#define O_NONBLOCK 0x0004
#undef O_RSYNC
#define O_RSYNC 0x0008
#undef O_SYNC
#define O_SYNC 0x0010
/* WASI's oflags, 12 bits up */
#undef O_CREAT
#define O_CREAT 0x1000
#undef O_DIRECTORY
#define O_DIRECTORY 0x2000
#undef O_EXCL
#define O_EXCL 0x4000
#undef O_TRUNC
#define O_TRUNC 0x8000

#endif
