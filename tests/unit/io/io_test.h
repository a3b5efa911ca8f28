/* io_test.h - shared helpers for the io/ unit tests: stream kinds whose
 * every answer the test scripts, to reach each path of the core. */
#ifndef IO_TEST_H
#define IO_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "wasi_io.h"

/* Set to n: the n-th allocation of io/ from now on fails (debug_alloc.c). */
extern long __wasi_io__debug_alloc_fail_at;

/* Bytes i of the test patterns: a sequence that does not repeat soon. */
static inline unsigned char pattern(size_t i)
{
    return (unsigned char)((i * 2654435761u) >> 13);
}

static inline void fill_pattern(unsigned char *p, size_t n, size_t from)
{
    for (size_t i = 0; i < n; i++)
        p[i] = pattern(from + i);
}

/* ---- a scripted input ---------------------------------------------------
 * Each read takes the next step of `steps`: n > 0 gives n bytes of the
 * pattern (over several reads when they ask for less), 0 is end of stream,
 * a negative value is returned as is. After the last step, every read is
 * end of stream. wait() counts its calls and answers `wait_answer`. */
typedef struct script_input {
    wasi_io_input base;
    const ptrdiff_t *steps;
    size_t nsteps, at;
    size_t pos;           /* pattern bytes given so far */
    size_t left;          /* bytes of the current step not given yet */
    int waits;            /* wait() calls */
    int wait_answer;      /* what wait() returns */
    int64_t last_timeout; /* timeout of the last wait() */
    int closed;
} script_input;

static inline ptrdiff_t script_read(wasi_io_input *self, void *buf, size_t len)
{
    script_input *s = (script_input *)self;
    if (s->left == 0) {
        ptrdiff_t step = s->at < s->nsteps ? s->steps[s->at++] : 0;
        if (step <= 0)
            return step;
        s->left = (size_t)step;
    }
    size_t n = s->left < len ? s->left : len;
    fill_pattern(buf, n, s->pos);
    s->pos += n;
    s->left -= n;
    return (ptrdiff_t)n;
}

/* The same steps as script_read, discarding. */
static inline ptrdiff_t script_skip(wasi_io_input *self, size_t len)
{
    unsigned char scratch[512];
    return script_read(self, scratch,
                       len < sizeof scratch ? len : sizeof scratch);
}

static inline int script_input_wait(wasi_io_input *self, int64_t timeout_ns)
{
    script_input *s = (script_input *)self;
    s->waits++;
    s->last_timeout = timeout_ns;
    return s->wait_answer;
}

static inline void script_input_close(wasi_io_input *self)
{
    ((script_input *)self)->closed++;
}

/* With a wait method / without one (it then must never say WASI_IO_EAGAIN). */
static const wasi_io_input_methods script_input_waits = {
    .read = script_read, .wait = script_input_wait,
    .close = script_input_close};
static const wasi_io_input_methods script_input_nowait = {
    .read = script_read, .close = script_input_close};
static const wasi_io_input_methods script_input_skips = {
    .read = script_read, .skip = script_skip, .wait = script_input_wait,
    .close = script_input_close};

static inline wasi_io_input *script_input_init(script_input *s,
                                          const wasi_io_input_methods *m,
                                          const ptrdiff_t *steps,
                                          size_t nsteps)
{
    memset(s, 0, sizeof *s);
    s->base.methods = m;
    s->steps = steps;
    s->nsteps = nsteps;
    s->wait_answer = 1;
    return &s->base;
}

/* ---- a scripted output ------------------------------------------------
 * Holds up to `cap` bytes (check_write permits cap - held, or answers
 * `check_answer` when that is set); flush moves up to `flush_step` held
 * bytes into `got` per call (0: all) and answers WASI_IO_EAGAIN while some
 * remain; `flush_answer`, when set, is returned instead. */
typedef struct script_output {
    wasi_io_output base;
    size_t cap, held;
    unsigned char got[1 << 16];
    unsigned char hold[4096];
    size_t ngot;
    size_t flush_step;
    ptrdiff_t check_answer; /* nonzero: check_write returns it */
    int flush_answer;       /* nonzero: flush returns it */
    int write_answer;       /* nonzero: write returns it */
    int waits, flushes, writes, closed;
    int wait_answer;
} script_output;

static inline ptrdiff_t script_check_write(wasi_io_output *self)
{
    script_output *s = (script_output *)self;
    if (s->check_answer != 0)
        return s->check_answer;
    return (ptrdiff_t)(s->cap - s->held);
}

static inline int script_write(wasi_io_output *self, const void *buf, size_t len)
{
    script_output *s = (script_output *)self;
    s->writes++;
    if (s->write_answer != 0)
        return s->write_answer;
    if (len > s->cap - s->held)
        return WASI_IO_EINVAL;
    memcpy(s->hold + s->held, buf, len);
    s->held += len;
    return 0;
}

static inline int script_flush(wasi_io_output *self)
{
    script_output *s = (script_output *)self;
    s->flushes++;
    if (s->flush_answer != 0)
        return s->flush_answer;
    size_t n = s->flush_step == 0 || s->flush_step > s->held ? s->held
                                                             : s->flush_step;
    ck_assert_uint_le(s->ngot + n, sizeof s->got);
    memcpy(s->got + s->ngot, s->hold, n);
    memmove(s->hold, s->hold + n, s->held - n);
    s->ngot += n;
    s->held -= n;
    return s->held == 0 ? 0 : WASI_IO_EAGAIN;
}

static inline int script_output_wait(wasi_io_output *self, int64_t timeout_ns)
{
    script_output *s = (script_output *)self;
    (void)timeout_ns;
    s->waits++;
    return s->wait_answer;
}

static inline void script_output_close(wasi_io_output *self)
{
    ((script_output *)self)->closed++;
}

static const wasi_io_output_methods script_output_waits = {
    .check_write = script_check_write, .write = script_write,
    .flush = script_flush, .wait = script_output_wait,
    .close = script_output_close};
static const wasi_io_output_methods script_output_nowait = {
    .check_write = script_check_write, .write = script_write,
    .flush = script_flush, .close = script_output_close};

/* Allocated (the struct is large); free() it. */
static inline script_output *script_output_new(const wasi_io_output_methods *m,
                                               size_t cap)
{
    script_output *s = calloc(1, sizeof *s);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_le(cap, sizeof s->hold);
    s->base.methods = m;
    s->cap = cap;
    s->wait_answer = 1;
    return s;
}

/* Runs the suite and exits with its status. */
static inline int run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
