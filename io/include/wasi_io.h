/*
 * wasi_io.h: input and output streams for C, modelled on WASI I/O
 * (wasi:io/streams), plus byte arrays, descriptors and FILE * adapters.
 *
 * The same header and library exist on all three triples (wasm32-wasi,
 * wasm32-wasi-vfs, wasm32-wasi-io) and, for everything but the host
 * descriptor kind, natively. On wasm32-wasi-io streams are the whole file
 * API: the host opens files and hands the module streams (WASI_IO_MAIN below).
 *
 * Errors. Every call that can fail returns a negative code: the negated
 * WASI errno number (WASI_IO_EAGAIN == -6 == -__WASI_ERRNO_AGAIN, ...) on every
 * platform, including native builds. errno is never read or set by the
 * stream core. Codes a stream passes on from the host (another negated WASI
 * errno) may appear too; wasi_io_strerror() names them all.
 *
 * End of stream is a read returning 0, as read(2) does. WASI's
 * "stream-error::closed" is 0 on an input stream and WASI_IO_EPIPE on an output
 * stream; WASI's empty read ("no data yet") is WASI_IO_EAGAIN.
 *
 * Threads: a stream is used by one thread at a time.
 */
#ifndef WASI_IO_H
#define WASI_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The library's symbols are in the C library's reserved space: each
 * function wasi_io_NAME is __wasi_io_NAME to the linker, so that a program
 * may define any name outside that space (its own io_read, wasi_io_read,
 * ...) and still link. */
#define WASI_IO__SYM(name) __asm__("__" #name)

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors ------------------------------------------------------------ */

enum wasi_io_error {
    WASI_IO_EAGAIN = -6,     /* nothing can be transferred now: poll, or call the
                           blocking variant */
    WASI_IO_EBADF = -8,      /* no such descriptor, or not open in that direction */
    WASI_IO_EFBIG = -22,     /* the data exceed the size limit of the caller */
    WASI_IO_EINVAL = -28,    /* invalid argument (a write over the check-write
                           permit, a bad mode, an empty poll list) */
    WASI_IO_EIO = -29,       /* I/O error, or a stream kind broke its contract */
    WASI_IO_ENOMEM = -48,    /* out of memory */
    WASI_IO_ENOSPC = -51,    /* an output is full (its byte limit is reached) */
    WASI_IO_ENOTSUP = -58,   /* the kind cannot do this (poll streams together) */
    WASI_IO_EOVERFLOW = -61, /* a count would not fit in the result type */
    WASI_IO_EPIPE = -64      /* output stream closed: nobody reads any more */
};

/* A short English description of a code returned by this library: "end of
 * stream" for 0, "success" for positive values, "error" for codes it does
 * not know. Never NULL. */
const char *wasi_io_strerror(int code) WASI_IO__SYM(wasi_io_strerror);

/* ---- the streams ----------------------------------------------------- */

typedef struct wasi_io_input wasi_io_input;
typedef struct wasi_io_output wasi_io_output;
typedef struct wasi_io_input_methods wasi_io_input_methods;
typedef struct wasi_io_output_methods wasi_io_output_methods;

/* A stream is a struct whose first member is wasi_io_input / wasi_io_output. Each kind
 * of stream (byte array, descriptor, FILE *, your own) supplies the methods;
 * the wasi_io_ functions below add the WASI semantics on top. */
struct wasi_io_input {
    const wasi_io_input_methods *methods;
};
struct wasi_io_output {
    const wasi_io_output_methods *methods;
};

/*
 * What a kind of input stream implements. The wasi_io_ functions never pass
 * len == 0 and never call a method after close.
 */
struct wasi_io_input_methods {
    /* Required. Reads between 1 and len bytes into buf. Returns the count,
     * 0 at end of stream (then on every later call), WASI_IO_EAGAIN when no byte
     * is available now, or another negative code. A kind that cannot tell
     * whether bytes are available (a FILE *, a descriptor in blocking mode)
     * may wait instead of returning WASI_IO_EAGAIN. */
    ptrdiff_t (*read)(wasi_io_input *self, void *buf, size_t len);
    /* Optional. As read, but waits until at least one byte is available or
     * the stream ends: never WASI_IO_EAGAIN. NULL: wasi_io_blocking_read alternates
     * read and waiting. */
    ptrdiff_t (*blocking_read)(wasi_io_input *self, void *buf, size_t len);
    /* Optional. Discards between 1 and len bytes; returns as read does.
     * NULL: wasi_io_skip reads into a scratch buffer. */
    ptrdiff_t (*skip)(wasi_io_input *self, size_t len);
    /* Optional. Waits until read would not return WASI_IO_EAGAIN, at most
     * timeout_ns nanoseconds (negative: no limit; 0: just look). Returns 1
     * when ready, 0 on timeout, or a negative code. */
    int (*wait)(wasi_io_input *self, int64_t timeout_ns);
    /* Optional. The host descriptor whose readability decides when read can
     * go on (wasm: a WASI preview1 descriptor; native: a system one), so
     * that wasi_io_poll can wait for several streams at once; negative when there
     * is none. A kind with neither wait nor host_fd never returns
     * WASI_IO_EAGAIN. */
    int (*host_fd)(wasi_io_input *self);
    /* Optional. Releases what the stream owns, including itself if it was
     * allocated. NULL: wasi_io_input_close does nothing (a static stream). */
    void (*close)(wasi_io_input *self);
};

/*
 * What a kind of output stream implements. Bytes handed to write belong to
 * the stream from then on: it delivers them or reports an error.
 */
struct wasi_io_output_methods {
    /* Required. How many bytes the stream accepts now, in one or several
     * writes, without waiting: > 0, 0 when it must first wait for the host
     * (or be flushed), or a negative code (WASI_IO_EPIPE once closed). */
    ptrdiff_t (*check_write)(wasi_io_output *self);
    /* Required. Takes all len bytes, 1 <= len <= what check_write allowed
     * minus what was written since. Returns 0 or a negative code;
     * WASI_IO_EINVAL when len is over the permit. */
    int (*write)(wasi_io_output *self, const void *buf, size_t len);
    /* Optional. Hands on bytes the stream holds, without waiting when the
     * kind can tell. Returns 0 when none are held any more, WASI_IO_EAGAIN when
     * some still are (wait, then call again), or a negative code. NULL: the
     * kind never holds bytes. */
    int (*flush)(wasi_io_output *self);
    /* Optional. Waits until check_write would not return 0 (or flush could
     * make progress); as wasi_io_input_methods.wait. */
    int (*wait)(wasi_io_output *self, int64_t timeout_ns);
    /* Optional. As wasi_io_input_methods.host_fd, for writability. A kind with
     * neither wait nor host_fd whose check_write returns 0 must make room
     * when flushed. */
    int (*host_fd)(wasi_io_output *self);
    /* Optional. Releases what the stream owns. wasi_io_output_close flushes
     * first. NULL: nothing to release. */
    void (*close)(wasi_io_output *self);
};

/* ---- input streams ---------------------------------------------------- */

/* Reads up to len bytes without waiting (WASI read). Returns the count (a
 * short read is normal), 0 at end of stream or when len is 0, WASI_IO_EAGAIN
 * when no byte is available now, or a negative code. */
ptrdiff_t wasi_io_read(wasi_io_input *in, void *buf, size_t len)
    WASI_IO__SYM(wasi_io_read);

/* Reads up to len bytes, waiting until at least one byte is available or
 * the stream ends (WASI blocking-read). Returns the count (short reads are
 * normal), 0 at end of stream or when len is 0, or a negative code; never
 * WASI_IO_EAGAIN. */
ptrdiff_t wasi_io_blocking_read(wasi_io_input *in, void *buf, size_t len)
    WASI_IO__SYM(wasi_io_blocking_read);

/* Reads exactly len bytes unless the stream ends first, waiting as needed.
 * Returns the count, which is below len only at end of stream, or a
 * negative code (the bytes read before the error are in buf). */
ptrdiff_t wasi_io_read_full(wasi_io_input *in, void *buf, size_t len)
    WASI_IO__SYM(wasi_io_read_full);

/* Discards up to len bytes without waiting (WASI skip). Returns as
 * wasi_io_read. */
ptrdiff_t wasi_io_skip(wasi_io_input *in, size_t len)
    WASI_IO__SYM(wasi_io_skip);

/* Discards up to len bytes, waiting for at least one (WASI blocking-skip).
 * Returns as wasi_io_blocking_read. */
ptrdiff_t wasi_io_blocking_skip(wasi_io_input *in, size_t len)
    WASI_IO__SYM(wasi_io_blocking_skip);

/* Releases the stream. NULL is allowed. */
void wasi_io_input_close(wasi_io_input *in) WASI_IO__SYM(wasi_io_input_close);

/* ---- output streams --------------------------------------------------- */

/* How many bytes wasi_io_write accepts now, in one or several calls, without
 * waiting (WASI check-write): > 0; 0 when the stream must wait for the
 * host (wasi_io_poll, or use a blocking call); or a negative code, WASI_IO_EPIPE
 * when the stream is closed. */
ptrdiff_t wasi_io_check_write(wasi_io_output *out)
    WASI_IO__SYM(wasi_io_check_write);

/* Hands len bytes to the stream without waiting (WASI write); len must not
 * exceed the permit wasi_io_check_write gave, less what was written since.
 * The bytes may stay held in the stream until a flush. Returns 0 (also for
 * len 0), WASI_IO_EINVAL when len is over the permit, or a negative code. */
int wasi_io_write(wasi_io_output *out, const void *buf, size_t len)
    WASI_IO__SYM(wasi_io_write);

/* Starts handing held bytes on, without waiting (WASI flush). Returns 0
 * when nothing is held any more, WASI_IO_EAGAIN when some bytes still are, or a
 * negative code. */
int wasi_io_flush(wasi_io_output *out) WASI_IO__SYM(wasi_io_flush);

/* Hands all held bytes on, waiting as needed (WASI blocking-flush).
 * Returns 0 or a negative code. */
int wasi_io_blocking_flush(wasi_io_output *out)
    WASI_IO__SYM(wasi_io_blocking_flush);

/* Writes all len bytes, waiting as needed, then flushes (WASI
 * blocking-write-and-flush, for any len). This is also the way to write a
 * whole byte array out. Returns 0 or a negative code; on error an unknown
 * part of buf was delivered. */
int wasi_io_blocking_write_and_flush(wasi_io_output *out, const void *buf, size_t len)
    WASI_IO__SYM(wasi_io_blocking_write_and_flush);

/* Writes all len bytes, waiting as needed, without the final flush: the
 * last bytes may stay held in the stream (not in WASI; the efficient way to
 * write many small pieces). Returns 0 or a negative code. */
int wasi_io_blocking_write(wasi_io_output *out, const void *buf, size_t len)
    WASI_IO__SYM(wasi_io_blocking_write);

/* Writes len zero bytes without waiting (WASI write-zeroes); len must not
 * exceed the permit, as for wasi_io_write. Returns as wasi_io_write. */
int wasi_io_write_zeroes(wasi_io_output *out, size_t len)
    WASI_IO__SYM(wasi_io_write_zeroes);

/* Writes len zero bytes, waiting as needed, then flushes (WASI
 * blocking-write-zeroes-and-flush). Returns 0 or a negative code. */
int wasi_io_blocking_write_zeroes_and_flush(wasi_io_output *out, size_t len)
    WASI_IO__SYM(wasi_io_blocking_write_zeroes_and_flush);

/* Flushes (waiting), then releases the stream. Returns the flush's result;
 * the stream is released either way. NULL is allowed (returns 0). */
int wasi_io_output_close(wasi_io_output *out)
    WASI_IO__SYM(wasi_io_output_close);

/* ---- between streams ---------------------------------------------------- */

/* Moves up to len bytes from in to out without waiting (WASI splice):
 * no more than out accepts now. Returns the count, 0 when in is at its end
 * (or len is 0), WASI_IO_EAGAIN when in has no byte or out has no room now, or
 * a negative code from either stream. */
ptrdiff_t wasi_io_splice(wasi_io_output *out, wasi_io_input *in, size_t len)
    WASI_IO__SYM(wasi_io_splice);

/* As wasi_io_splice, but waits until at least one byte moved or in ended (WASI
 * blocking-splice). Never WASI_IO_EAGAIN. */
ptrdiff_t wasi_io_blocking_splice(wasi_io_output *out, wasi_io_input *in, size_t len)
    WASI_IO__SYM(wasi_io_blocking_splice);

/* Moves everything from in to out until in ends, then flushes out.
 * Returns the number of bytes moved or a negative code. */
int64_t wasi_io_copy(wasi_io_output *out, wasi_io_input *in)
    WASI_IO__SYM(wasi_io_copy);

/* ------------------------------------------------------------------------- */

/* Most entries wasi_io_poll and wasi_io_host_poll take at once. */
#define WASI_IO_POLL_MAX 16

/* One entry of an wasi_io_poll list: set exactly one of input and output. */
typedef struct wasi_io_pollable {
    wasi_io_input *input;    /* ready when wasi_io_read would not return WASI_IO_EAGAIN */
    wasi_io_output *output;  /* ready when wasi_io_check_write would not return 0 */
    int ready;          /* set by wasi_io_poll: 1 ready, 0 not */
} wasi_io_pollable;

/* Waits until at least one entry is ready, at most timeout_ns nanoseconds
 * (negative: no limit; 0: just look), and marks the ready ones (WASI
 * poll). Streams that are ready now are reported without asking the host.
 * Otherwise their host descriptors are polled together (poll_oneoff on
 * wasm); a host that cannot poll a descriptor (regular files, on some
 * hosts) has it reported ready, as a regular file always is. Returns the
 * number of ready entries, 0 on timeout (a host may answer a zero timeout
 * with nothing ready: Node.js does), WASI_IO_EINVAL for an empty or malformed
 * list or more than WASI_IO_POLL_MAX entries, WASI_IO_ENOTSUP when several entries
 * wait without host descriptors, or a negative code. */
int wasi_io_poll(wasi_io_pollable *list, size_t n, int64_t timeout_ns)
    WASI_IO__SYM(wasi_io_poll);

/* ------------------------------------------------------------------------- */

/* An input stream over len bytes at data, which must outlive it (not
 * copied). Always ready. Returns NULL when out of memory. */
wasi_io_input *wasi_io_input_from_bytes(const void *data, size_t len)
    WASI_IO__SYM(wasi_io_input_from_bytes);

/* An output stream that appends to a growable byte array (amortized O(1)
 * per byte). limit caps the array (0: no cap but memory and PTRDIFF_MAX);
 * past it, check-write returns WASI_IO_ENOSPC. When memory runs out, check-write
 * still permits and write returns WASI_IO_ENOMEM, never a trap. Returns NULL
 * when out of memory. */
wasi_io_output *wasi_io_output_to_bytes(size_t limit)
    WASI_IO__SYM(wasi_io_output_to_bytes);

/* The bytes written so far to a byte-array output and their number in
 * *len; valid until the next write or close. NULL (and *len 0) when out
 * is not a byte-array output; never NULL for one. */
const unsigned char *wasi_io_bytes_output_data(const wasi_io_output *out, size_t *len)
    WASI_IO__SYM(wasi_io_bytes_output_data);

/* Takes the bytes written so far (free() them) and empties the stream.
 * Returns a non-NULL pointer (for 0 bytes too) with the count in *len, or
 * NULL (and *len 0) when out is not a byte-array output or memory is out. */
unsigned char *wasi_io_bytes_output_take(wasi_io_output *out, size_t *len)
    WASI_IO__SYM(wasi_io_bytes_output_take);

/* Reads the whole stream into a new byte array (free() it), waiting as
 * needed. limit caps the size (0: none). Returns the size and sets *data
 * (non-NULL, also for 0 bytes); WASI_IO_EFBIG past limit, WASI_IO_ENOMEM, or an error
 * of the stream, with *data set to NULL. */
ptrdiff_t wasi_io_read_all(wasi_io_input *in, size_t limit, unsigned char **data)
    WASI_IO__SYM(wasi_io_read_all);

/* ------------------------------------------------------------------------- */

/* Streams over a descriptor as this program's C library knows it (read(2),
 * write(2), poll(2)): on wasm32-wasi and wasm32-wasi-io that is the host's
 * descriptor, on wasm32-wasi-vfs one of the module's own filesystem. Reads
 * return WASI_IO_EAGAIN when the descriptor is non-blocking (O_NONBLOCK) and
 * empty, and wait when it is blocking; writes always complete (waiting
 * when a non-blocking descriptor is full). The descriptor stays open when
 * the stream is closed. Return NULL when out of memory. Errors of the C
 * library are mapped to the codes above (errno is read at this boundary
 * only). */
wasi_io_input *wasi_io_input_from_fd(int fd)
    WASI_IO__SYM(wasi_io_input_from_fd);
wasi_io_output *wasi_io_output_to_fd(int fd)
    WASI_IO__SYM(wasi_io_output_to_fd);

/* The host's standard streams: descriptors 0, 1 and 2 of the host (on wasm,
 * straight through WASI preview1 on every triple; natively the process's).
 * Static: closing them does nothing. Bytes written to wasi_io_stdout/wasi_io_stderr
 * are held until a flush, a full buffer, or exit. */
wasi_io_input *wasi_io_stdin(void) WASI_IO__SYM(wasi_io_stdin);
wasi_io_output *wasi_io_stdout(void) WASI_IO__SYM(wasi_io_stdout);
wasi_io_output *wasi_io_stderr(void) WASI_IO__SYM(wasi_io_stderr);

/* ---- FILE * adapters ---------------------------------------------------- */

/* Streams over an open FILE *, which stays open when the stream is closed.
 * Reads and writes wait as the FILE * does (no WASI_IO_EAGAIN). Return NULL when
 * out of memory. */
wasi_io_input *wasi_io_input_from_file(FILE *f)
    WASI_IO__SYM(wasi_io_input_from_file);
wasi_io_output *wasi_io_output_to_file(FILE *f)
    WASI_IO__SYM(wasi_io_output_to_file);

/* A FILE * that reads from in / writes to out (through fopencookie), for
 * code that wants a FILE *. fclose() on it flushes it (and, for an output,
 * wasi_io_blocking_flush()es the stream) but does not close the stream. Return
 * NULL when out of memory. */
FILE *wasi_io_fopen_input(wasi_io_input *in) WASI_IO__SYM(wasi_io_fopen_input);
FILE *wasi_io_fopen_output(wasi_io_output *out)
    WASI_IO__SYM(wasi_io_fopen_output);

/* ---- host descriptors (WebAssembly only) -------------------------------- */

/* One entry of an wasi_io_host_poll list, as in poll(2). */
typedef struct wasi_io_host_pollfd {
    int fd;
    short events;   /* WASI_IO_HOST_READABLE and/or WASI_IO_HOST_WRITABLE */
    short revents;  /* set: the ready ones, plus WASI_IO_HOST_HANGUP */
} wasi_io_host_pollfd;
#define WASI_IO_HOST_READABLE 1
#define WASI_IO_HOST_WRITABLE 2
#define WASI_IO_HOST_HANGUP 4

#ifdef __wasm__
/* Direct access to WASI preview1 descriptors through this library's own
 * imports (fd_read, fd_write, poll_oneoff), bypassing the C library: on
 * wasm32-wasi-vfs they reach the host, not the module's filesystem. */

/* Reads up to len bytes from host descriptor fd: the count, 0 at end, or a
 * negated WASI errno (WASI_IO_EAGAIN on a non-blocking descriptor with no data). */
ptrdiff_t wasi_io_host_read(int fd, void *buf, size_t len)
    WASI_IO__SYM(wasi_io_host_read);

/* Writes up to len bytes: the count written (may be short) or a negated
 * WASI errno. */
ptrdiff_t wasi_io_host_write(int fd, const void *buf, size_t len)
    WASI_IO__SYM(wasi_io_host_write);

/* poll_oneoff on host descriptors: waits at most timeout_ns (negative: no
 * limit). Returns the number of entries with revents set, 0 on timeout,
 * WASI_IO_EINVAL for more than WASI_IO_POLL_MAX entries, or a negated WASI errno.
 * When the host cannot poll a descriptor (Node.js refuses regular files)
 * the entry is reported ready. */
int wasi_io_host_poll(wasi_io_host_pollfd *fds, size_t n, int64_t timeout_ns)
    WASI_IO__SYM(wasi_io_host_poll);

/* Streams over host descriptor fd (allocated; the descriptor stays open
 * when the stream is closed). NULL when out of memory. They are
 * non-blocking exactly when the descriptor is (FDFLAGS_NONBLOCK): on a
 * blocking one, reads and flushes wait inside fd_read / fd_write. Outputs
 * hold up to 8 KiB until a flush or a full buffer. */
wasi_io_input *wasi_io_host_input(int fd) WASI_IO__SYM(wasi_io_host_input);
wasi_io_output *wasi_io_host_output(int fd) WASI_IO__SYM(wasi_io_host_output);
#endif

/* ---- typed entry point: the host opens the files --------------------------
 *
 *   WASI_IO_MAIN(shrink, WASI_IO_IN("image"), WASI_IO_OUT("image"))
 *   int shrink(int argc, char **argv)
 *   {
 *       wasi_io_input *in = wasi_io_arg_input(0);
 *       wasi_io_output *out = wasi_io_arg_output(0);
 *       ...
 *   }
 *
 * fn is a function int fn(int argc, char **argv) of the program (not
 * static). WASI_IO_MAIN defines main() and records the streams the program
 * takes in a custom section named "wasi-io-main" of the module, so that a
 * host knows them without running anything. The section holds ASCII
 * text: the format version "1", then one " in:TYPE" or " out:TYPE" per
 * stream, in order.
 * TYPE says what the stream carries, for people and hosts: letters, digits
 * and . _ + / - only. At most WASI_IO_MAIN_MAX streams in all.
 *
 * How the streams arrive: input i is host descriptor 3 + i, output j is
 * descriptor 3 + (number of inputs) + j, each a plain stream (not
 * seekable, no name). `wasi-run MODULE IN... -o OUT... [-- ARGS]` does
 * this; natively, `./prog 3<in 4>out`. main() checks that the descriptors
 * are there (else it explains and exits 2), runs the function with argc
 * and argv, then flushes the outputs and wasi_io_stdout/wasi_io_stderr (exit status
 * 1 if that fails and the function returned 0). exit() inside the function
 * skips that flush: bytes still held by wasi_io_write/wasi_io_blocking_write are
 * lost, as with _exit(); flush first, or return.
 */
#define WASI_IO_MAIN_MAX 8
#define WASI_IO_IN(type) " in:" type
#define WASI_IO_OUT(type) " out:" type

#define WASI_IO_MAIN(fn, ...)                                                     \
    WASI_IO__MAIN_SECTION(WASI_IO__CAT(__VA_ARGS__))                                   \
    int fn(int, char **);                                                    \
    WASI_IO__MAIN_DEFINE("1" WASI_IO__CAT(__VA_ARGS__), fn, WASI_IO__COUNT(__VA_ARGS__))

/* Input i (0-based) / output i of the typed entry point; NULL when the
 * program declares fewer, or has no WASI_IO_MAIN. Static streams (closing them
 * does nothing); outputs are flushed when the function returns or the
 * program exits. */
wasi_io_input *wasi_io_arg_input(int i) WASI_IO__SYM(wasi_io_arg_input);
wasi_io_output *wasi_io_arg_output(int i) WASI_IO__SYM(wasi_io_arg_output);

/* Used by WASI_IO_MAIN; not for direct calls. argv NULL: read the arguments
 * (wasm, where WASI_IO_MAIN defines main(void) so that a program that never
 * allocates links no allocator: up to 64 arguments, argv[0] included, and
 * 4096 bytes; more when the program links malloc anyway). */
int wasi_io_main_(const char *decl, int (*fn)(int, char **), int argc,
             char **argv) WASI_IO__SYM(wasi_io_main_);

#define WASI_IO__CAT(...)                                                         \
    WASI_IO__CAT_N(__VA_ARGS__, WASI_IO__CAT8, WASI_IO__CAT7, WASI_IO__CAT6, WASI_IO__CAT5, WASI_IO__CAT4, \
              WASI_IO__CAT3, WASI_IO__CAT2, WASI_IO__CAT1, ~)(__VA_ARGS__)
#define WASI_IO__CAT_N(a, b, c, d, e, f, g, h, N, ...) N
#define WASI_IO__CAT1(a) a
#define WASI_IO__CAT2(a, b) a b
#define WASI_IO__CAT3(a, b, c) a b c
#define WASI_IO__CAT4(a, b, c, d) a b c d
#define WASI_IO__CAT5(a, b, c, d, e) a b c d e
#define WASI_IO__CAT6(a, b, c, d, e, f) a b c d e f
#define WASI_IO__CAT7(a, b, c, d, e, f, g) a b c d e f g
#define WASI_IO__CAT8(a, b, c, d, e, f, g, h) a b c d e f g h
#define WASI_IO__COUNT(...) WASI_IO__CAT_N(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, ~)

#if defined(__wasm__) && defined(__wasi_io_component__)
/* wasm32-wasip2-io: main() as below (the component's wasi:cli/run, where
 * the streams are missing), and the component's typed function, the
 * export "main" (io/libc/wasip2/README.md):
 *   main: func(args: list<string>, STREAM: borrow<input-stream>|
 *              borrow<output-stream>, ...) -> u8
 * in the canonical ABI: the arguments' list (address, count), then one
 * handle per stream in declaration order. It runs fn through
 * wasi_io_main_ with those arguments and streams. */
#define WASI_IO__MAIN_DEFINE(decl, fn, n)                                         \
    int main(void) { return wasi_io_main_(decl, fn, 0, 0); }                 \
    __attribute__((__export_name__("main"))) int __wasi_io_component_main(  \
        const void *args_, unsigned long nargs_, WASI_IO__HANDLES(n))        \
    {                                                                        \
        const unsigned h_[] = {WASI_IO__HANDLE_ARGS(n)};                     \
        return wasi_io_component_main_(decl, fn, args_, nargs_, h_, n);      \
    }
#define WASI_IO__HANDLES(n) WASI_IO__HANDLES_(n)
#define WASI_IO__HANDLES_(n) WASI_IO__H##n
#define WASI_IO__H1 unsigned h0_
#define WASI_IO__H2 WASI_IO__H1, unsigned h1_
#define WASI_IO__H3 WASI_IO__H2, unsigned h2_
#define WASI_IO__H4 WASI_IO__H3, unsigned h3_
#define WASI_IO__H5 WASI_IO__H4, unsigned h4_
#define WASI_IO__H6 WASI_IO__H5, unsigned h5_
#define WASI_IO__H7 WASI_IO__H6, unsigned h6_
#define WASI_IO__H8 WASI_IO__H7, unsigned h7_
#define WASI_IO__HANDLE_ARGS(n) WASI_IO__HANDLE_ARGS_(n)
#define WASI_IO__HANDLE_ARGS_(n) WASI_IO__A##n
#define WASI_IO__A1 h0_
#define WASI_IO__A2 WASI_IO__A1, h1_
#define WASI_IO__A3 WASI_IO__A2, h2_
#define WASI_IO__A4 WASI_IO__A3, h3_
#define WASI_IO__A5 WASI_IO__A4, h4_
#define WASI_IO__A6 WASI_IO__A5, h5_
#define WASI_IO__A7 WASI_IO__A6, h6_
#define WASI_IO__A8 WASI_IO__A7, h7_
/* Used by the export above; not for direct calls. args is the canonical
 * ABI's list<string> (nargs {address, length} pairs, owned by the callee:
 * freed here), handles[k] the k-th stream of decl. Returns fn's status,
 * or 2 as wasi_io_main_ does, modulo 256. */
int wasi_io_component_main_(const char *decl, int (*fn)(int, char **),
                            const void *args, unsigned long nargs,
                            const unsigned *handles, int n)
    WASI_IO__SYM(wasi_io_component_main_);
#elif defined(__wasm__)
#define WASI_IO__MAIN_DEFINE(decl, fn, n)                                         \
    int main(void) { return wasi_io_main_(decl, fn, 0, 0); }
#else
#define WASI_IO__MAIN_DEFINE(decl, fn, n)                                         \
    int main(int argc, char **argv) { return wasi_io_main_(decl, fn, argc, argv); }
#endif

#ifdef __wasm__
/* A custom section can only be written from assembly: the section text is
 * the declaration, which holds no quote or backslash. */
#define WASI_IO__MAIN_SECTION(items)                                              \
    __asm__(".section \".custom_section.wasi-io-main\",\"\",@\n"             \
            ".ascii \"1" items "\"\n"                                        \
            ".text\n");
#else
#define WASI_IO__MAIN_SECTION(items)
#endif

#ifdef __cplusplus
}
#endif

#endif /* WASI_IO_H */
