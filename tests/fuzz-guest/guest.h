/*
 * guest.h - what the parts of the guest-memory fuzzer share (README.md).
 *
 * The harness is a wasm32-wasi-vfs program that calls the overlay's
 * preview1 functions directly with pointers and lengths a careless or
 * hostile program could pass, and checks every result against a model:
 * the errno, the bytes moved, the file contents, and every byte of the
 * memory the call was allowed to write and of the memory it was not.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stddef.h>
#include <stdint.h>
#include <wasi/api.h>

/* ---- randomness: xorshift64*, one stream from the seed ------------------ */

uint64_t rnd(void);
/* A number in [0, n); n > 0. */
uint32_t below(uint32_t n);
/* 1 with probability 1/n. */
int one_in(uint32_t n);
void rnd_seed(uint64_t seed);

/* ---- memory -------------------------------------------------------------- */

/*
 * Two regions the harness owns and compares byte for byte after every
 * call: the arena (ARENA bytes in the program's data) and the tail (the
 * last TAIL bytes of linear memory, in a page the harness grew itself, so
 * that buffers can end exactly at the end of memory). shadow_take()
 * copies both; after a call, the expected changes are applied to the
 * copies with shadow_put() and shadow_same() compares.
 */
#define ARENA 16384
#define TAIL 4096
extern uint8_t *arena;
extern uint8_t *tail;

/* Makes sure the tail is the last TAIL bytes of memory again (growing a
 * page when memory grew past it). Call before building a request. */
void tail_own(void);
/* One past the last byte of linear memory. */
uintptr_t mem_end(void);
/* Fills both regions with random bytes. */
void regions_scramble(void);

void shadow_take(void);
/* Writes n bytes at guest address p into the copies (p must lie in a
 * region). */
void shadow_put(uintptr_t p, const void *src, size_t n);
/* Whether the regions equal the copies; names the first difference. */
int shadow_same(const char *what);

/*
 * A place for len bytes chosen at random: usually inside the arena or the
 * tail (sometimes ending exactly at the end of memory); with *bad set,
 * somewhere that is not all memory (NULL, across the end, past the end),
 * and *bad is left 1 when that happened (always 0 for len 0).
 */
uintptr_t place(size_t len, int allow_bad, int *bad);
/* Whether [p, p+len) is all inside the arena or the tail. */
int in_regions(uintptr_t p, size_t len);
/* Whether len bytes at p are all memory a call may use: len 0, or p not
 * NULL and p+len not past the end (the contract of the overlay). */
int valid(uintptr_t p, uint64_t len);

/* ---- checks -------------------------------------------------------------- */

extern uint64_t n_ops, n_checks;
extern const char *op_name;

/* Fails the run: prints the seed, the operation and why, exits 1. */
__attribute__((__noreturn__, __format__(__printf__, 1, 2))) void
fail(const char *fmt, ...);

#define EXPECT(cond, ...)                                                   \
    do {                                                                    \
        n_checks++;                                                         \
        if (!(cond))                                                        \
            fail(__VA_ARGS__);                                              \
    } while (0)

/* ---- the parts ------------------------------------------------------------ */

/* rw.c: fd_read, fd_write, fd_pread, fd_pwrite on a model file. */
void rw_setup(void);
void rw_op(void);
void rw_verify(void);

/* dirents.c: fd_readdir over a directory the model keeps. */
void dir_setup(void);
void dir_op(void);

/* paths.c: paths as (pointer, length), readlink, result pointers. */
void paths_setup(void);
void paths_op(void);

/* The overlay's preview1 functions, called with raw addresses (the
 * wasi/api.h wrappers take C strings and measure them). Declared as
 * wasi-libc declares them: the overlay's definitions replace the imports. */
#define IMPORT(name)                                                        \
    __attribute__((__import_module__("wasi_snapshot_preview1"),             \
                   __import_name__(#name)))
int32_t __imported_wasi_snapshot_preview1_path_filestat_get(int32_t, int32_t,
                                                            int32_t, int32_t,
                                                            int32_t)
    IMPORT(path_filestat_get);
int32_t __imported_wasi_snapshot_preview1_path_open(int32_t, int32_t, int32_t,
                                                    int32_t, int32_t, int64_t,
                                                    int64_t, int32_t, int32_t)
    IMPORT(path_open);
int32_t __imported_wasi_snapshot_preview1_path_readlink(int32_t, int32_t,
                                                        int32_t, int32_t,
                                                        int32_t, int32_t)
    IMPORT(path_readlink);
int32_t __imported_wasi_snapshot_preview1_fd_read(int32_t, int32_t, int32_t,
                                                  int32_t)
    IMPORT(fd_read);
int32_t __imported_wasi_snapshot_preview1_fd_write(int32_t, int32_t, int32_t,
                                                   int32_t)
    IMPORT(fd_write);
int32_t __imported_wasi_snapshot_preview1_fd_pread(int32_t, int32_t, int32_t,
                                                   int64_t, int32_t)
    IMPORT(fd_pread);
int32_t __imported_wasi_snapshot_preview1_fd_pwrite(int32_t, int32_t, int32_t,
                                                    int64_t, int32_t)
    IMPORT(fd_pwrite);
int32_t __imported_wasi_snapshot_preview1_fd_readdir(int32_t, int32_t, int32_t,
                                                     int64_t, int32_t)
    IMPORT(fd_readdir);
int32_t __imported_wasi_snapshot_preview1_fd_seek(int32_t, int64_t, int32_t,
                                                  int32_t)
    IMPORT(fd_seek);
int32_t __imported_wasi_snapshot_preview1_fd_fdstat_get(int32_t, int32_t)
    IMPORT(fd_fdstat_get);
int32_t __imported_wasi_snapshot_preview1_fd_filestat_get(int32_t, int32_t)
    IMPORT(fd_filestat_get);
int32_t __imported_wasi_snapshot_preview1_fd_prestat_get(int32_t, int32_t)
    IMPORT(fd_prestat_get);
int32_t __imported_wasi_snapshot_preview1_poll_oneoff(int32_t, int32_t,
                                                      int32_t, int32_t)
    IMPORT(poll_oneoff);

#endif
