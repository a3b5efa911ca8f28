/*
 * threads.c - C11 <threads.h> on wasm32-wasi and wasm32-wasi-vfs
 * (libc-overlay/src/common/threads.c): thrd_create fails with thrd_nomem;
 * mutexes, condition variables, call_once and thread-specific storage
 * work; a wait nothing could end fails at once (thrd_error, thrd_timedout
 * for the timed forms); thrd_exit runs the tss destructors and exits 0.
 */
#include <stdio.h>
#include <threads.h>
#include <time.h>

#include "check.h"

static int once_runs, dtor_runs;
static void once_fn(void) { once_runs++; }
static int start(void *p) { (void)p; return 0; }
static void dtor(void *p) { (void)p; dtor_runs++; }

int main(void)
{
    thrd_t t = thrd_current();
    once_flag once = ONCE_FLAG_INIT;
    struct timespec at = {0, 0}, nap = {0, 1000};
    mtx_t m, r;
    cnd_t c;
    tss_t k;
    int v;

    EQ(thrd_create(&t, start, NULL), thrd_nomem);
    CHECK(thrd_equal(thrd_current(), thrd_current()));
    EQ(thrd_join(thrd_current(), &v), thrd_error);
    EQ(thrd_sleep(&nap, NULL), 0);
    thrd_yield();

    call_once(&once, once_fn);
    call_once(&once, once_fn);
    EQ(once_runs, 1);

    EQ(mtx_init(&m, 7), thrd_error);
    EQ(mtx_init(&m, mtx_timed), thrd_success);
    EQ(mtx_lock(&m), thrd_success);
    EQ(mtx_trylock(&m), thrd_busy);
    EQ(mtx_lock(&m), thrd_error);
    EQ(mtx_timedlock(&m, &at), thrd_timedout);
    EQ(mtx_init(&r, mtx_plain | mtx_recursive), thrd_success);
    EQ(mtx_lock(&r), thrd_success);
    EQ(mtx_lock(&r), thrd_success);
    EQ(mtx_unlock(&r), thrd_success);
    EQ(mtx_unlock(&r), thrd_success);
    EQ(mtx_unlock(&r), thrd_error);
    mtx_destroy(&r);

    EQ(cnd_init(&c), thrd_success);
    EQ(cnd_signal(&c), thrd_success);
    EQ(cnd_broadcast(&c), thrd_success);
    EQ(cnd_wait(&c, &m), thrd_error);
    EQ(cnd_timedwait(&c, &m, &at), thrd_timedout);
    EQ(mtx_unlock(&m), thrd_success);
    cnd_destroy(&c);
    mtx_destroy(&m);

    EQ(tss_create(&k, dtor), thrd_success);
    CHECK(tss_get(k) == NULL);
    EQ(tss_set(k, &once_runs), thrd_success);
    CHECK(tss_get(k) == &once_runs);

    v = DONE();
    if (v)
        return v;
    fflush(stdout);
    thrd_exit(5); /* the last thread: destructors, then exit(0) */
}

__attribute__((destructor)) static void after(void)
{
    printf("tss destructors run: %d\n", dtor_runs);
}
