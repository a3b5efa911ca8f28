/*
 * pthread.c - the single-threaded <pthread.h> of wasm32-wasi and
 * wasm32-wasi-vfs (libc-overlay/include/pthread.h): pthread_create fails
 * with EAGAIN; mutexes of each type, condition variables, once, keys
 * (destructors at pthread_exit), read-write locks, spin locks and
 * barriers work; a wait nothing could end fails at once with the errno
 * the header documents. Exits through pthread_exit, whose destructors
 * print the last line the test expects.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"

static int once_runs;
static void once_fn(void) { once_runs++; }
static void *thread_fn(void *p) { return p; }

static int dtor_runs;
static pthread_key_t key2;
static void dtor(void *p)
{
    dtor_runs++;
    if (dtor_runs == 1) /* a destructor setting a value: one more round */
        pthread_setspecific(key2, p);
}

int main(void)
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER, r, e;
    pthread_mutexattr_t ma;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
    pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_spinlock_t s;
    pthread_barrier_t b;
    pthread_key_t key;
    struct timespec at = {0, 0};
    size_t size;
    int v;

    /* threads */
    EQ(pthread_create(&t, NULL, thread_fn, NULL), EAGAIN);
    CHECK(pthread_equal(pthread_self(), pthread_self()));
    EQ(pthread_join(pthread_self(), NULL), EDEADLK);
    OK(pthread_attr_init(&attr));
    EQ(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED), 0);
    EQ(pthread_attr_getdetachstate(&attr, &v), 0);
    EQ(v, PTHREAD_CREATE_DETACHED);
    EQ(pthread_attr_getstacksize(&attr, &size), 0);
    CHECK(size >= 65536);
    EQ(pthread_create(&t, &attr, thread_fn, NULL), EAGAIN);
    OK(pthread_attr_destroy(&attr));

    /* a normal mutex */
    EQ(pthread_mutex_lock(&m), 0);
    EQ(pthread_mutex_trylock(&m), EBUSY);
    EQ(pthread_mutex_lock(&m), EDEADLK);
    EQ(pthread_mutex_timedlock(&m, &at), ETIMEDOUT);
    EQ(pthread_mutex_destroy(&m), EBUSY);
    EQ(pthread_mutex_unlock(&m), 0);
    EQ(pthread_mutex_unlock(&m), EPERM);
    EQ(pthread_mutex_destroy(&m), 0);

    /* recursive */
    OK(pthread_mutexattr_init(&ma));
    EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE), 0);
    EQ(pthread_mutexattr_gettype(&ma, &v), 0);
    EQ(v, PTHREAD_MUTEX_RECURSIVE);
    EQ(pthread_mutexattr_settype(&ma, 9), EINVAL);
    EQ(pthread_mutex_init(&r, &ma), 0);
    EQ(pthread_mutex_lock(&r), 0);
    EQ(pthread_mutex_lock(&r), 0);
    EQ(pthread_mutex_trylock(&r), 0);
    EQ(pthread_mutex_unlock(&r), 0);
    EQ(pthread_mutex_unlock(&r), 0);
    EQ(pthread_mutex_unlock(&r), 0);
    EQ(pthread_mutex_unlock(&r), EPERM);

    /* error-checking */
    EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK), 0);
    EQ(pthread_mutex_init(&e, &ma), 0);
    EQ(pthread_mutex_unlock(&e), EPERM);
    EQ(pthread_mutex_lock(&e), 0);
    EQ(pthread_mutex_lock(&e), EDEADLK);
    EQ(pthread_mutex_timedlock(&e, &at), EDEADLK);
    OK(pthread_mutexattr_destroy(&ma));

    /* condition variables: nothing could signal */
    EQ(pthread_cond_signal(&c), 0);
    EQ(pthread_cond_broadcast(&c), 0);
    EQ(pthread_cond_wait(&c, &e), EDEADLK);
    EQ(pthread_cond_timedwait(&c, &e, &at), ETIMEDOUT);
    EQ(pthread_mutex_unlock(&e), 0); /* still held after the waits */
    EQ(pthread_cond_wait(&c, &e), EPERM);
    EQ(pthread_cond_destroy(&c), 0);

    /* once */
    EQ(pthread_once(&once, once_fn), 0);
    EQ(pthread_once(&once, once_fn), 0);
    EQ(once_runs, 1);

    /* read-write locks */
    EQ(pthread_rwlock_rdlock(&rw), 0);
    EQ(pthread_rwlock_rdlock(&rw), 0);
    EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
    EQ(pthread_rwlock_wrlock(&rw), EDEADLK);
    EQ(pthread_rwlock_timedwrlock(&rw, &at), ETIMEDOUT);
    EQ(pthread_rwlock_unlock(&rw), 0);
    EQ(pthread_rwlock_unlock(&rw), 0);
    EQ(pthread_rwlock_wrlock(&rw), 0);
    EQ(pthread_rwlock_tryrdlock(&rw), EBUSY);
    EQ(pthread_rwlock_rdlock(&rw), EDEADLK);
    EQ(pthread_rwlock_destroy(&rw), EBUSY);
    EQ(pthread_rwlock_unlock(&rw), 0);
    EQ(pthread_rwlock_unlock(&rw), EPERM);
    EQ(pthread_rwlock_destroy(&rw), 0);

    /* spin locks, barriers */
    EQ(pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE), 0);
    EQ(pthread_spin_lock(&s), 0);
    EQ(pthread_spin_trylock(&s), EBUSY);
    EQ(pthread_spin_lock(&s), EDEADLK);
    EQ(pthread_spin_unlock(&s), 0);
    EQ(pthread_barrier_init(&b, NULL, 0), EINVAL);
    EQ(pthread_barrier_init(&b, NULL, 1), 0);
    EQ(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
    EQ(pthread_barrier_init(&b, NULL, 2), 0);
    EQ(pthread_barrier_wait(&b), EDEADLK);

    /* attributes: kept and read back, checked as Linux checks them */
    OK(pthread_attr_init(&attr));
    EQ(pthread_attr_getguardsize(&attr, &size), 0);
    EQ(size, 4096);
    EQ(pthread_attr_setguardsize(&attr, 0), 0);
    EQ(pthread_attr_getguardsize(&attr, &size), 0);
    EQ(size, 0);
    EQ(pthread_attr_getscope(&attr, &v), 0);
    EQ(v, PTHREAD_SCOPE_SYSTEM);
    EQ(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS), ENOTSUP);
    EQ(pthread_attr_setscope(&attr, 7), EINVAL);
    {
        void *addr;
        static char stack[8192];
        EQ(pthread_attr_setstack(&attr, stack, 1024), EINVAL);
        EQ(pthread_attr_setstack(&attr, stack, sizeof stack), 0);
        EQ(pthread_attr_getstack(&attr, &addr, &size), 0);
        CHECK(addr == stack);
        EQ(size, sizeof stack);
        EQ(pthread_attr_setstacksize(&attr, 100), EINVAL);
    }
    {
        int prio[16] = {5}; /* struct sched_param: sched_priority first */
        EQ(pthread_attr_getschedparam(&attr, (struct sched_param *)prio), 0);
        EQ(prio[0], 0);
        prio[0] = 1;
        EQ(pthread_attr_setschedparam(&attr, (struct sched_param *)prio), EINVAL);
        prio[0] = 0;
        EQ(pthread_attr_setschedparam(&attr, (struct sched_param *)prio), 0);
    }
    OK(pthread_attr_destroy(&attr));
    OK(pthread_mutexattr_init(&ma));
    EQ(pthread_mutexattr_getprotocol(&ma, &v), 0);
    EQ(v, PTHREAD_PRIO_NONE);
    EQ(pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_PROTECT), 0);
    EQ(pthread_mutexattr_getprotocol(&ma, &v), 0);
    EQ(v, PTHREAD_PRIO_PROTECT);
    EQ(pthread_mutexattr_setprotocol(&ma, 3), EINVAL);
    EQ(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST), 0);
    EQ(pthread_mutexattr_getrobust(&ma, &v), 0);
    EQ(v, PTHREAD_MUTEX_ROBUST);
    EQ(pthread_mutexattr_setrobust(&ma, 2), EINVAL);
    EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE), 0);
    EQ(pthread_mutexattr_getprotocol(&ma, &v), 0); /* bits kept apart */
    EQ(v, PTHREAD_PRIO_PROTECT);
    EQ(pthread_mutex_init(&r, &ma), 0);
    EQ(pthread_mutex_consistent(&r), EINVAL);
    OK(pthread_mutexattr_destroy(&ma));
    {
        pthread_condattr_t ca;
        pthread_rwlockattr_t ra;
        pthread_barrierattr_t ba;
        clockid_t clk;
        OK(pthread_condattr_init(&ca));
        EQ(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED), 0);
        EQ(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC), 0);
        EQ(pthread_condattr_getpshared(&ca, &v), 0);
        EQ(v, PTHREAD_PROCESS_SHARED);
        EQ(pthread_condattr_getclock(&ca, &clk), 0);
        CHECK(clk == CLOCK_MONOTONIC);
        EQ(pthread_condattr_setclock(&ca, (clockid_t)0), EINVAL); /* no clock */
        EQ(pthread_condattr_setpshared(&ca, 2), EINVAL);
        OK(pthread_rwlockattr_init(&ra));
        EQ(pthread_rwlockattr_getpshared(&ra, &v), 0);
        EQ(v, PTHREAD_PROCESS_PRIVATE);
        EQ(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED), 0);
        EQ(pthread_rwlockattr_getpshared(&ra, &v), 0);
        EQ(v, PTHREAD_PROCESS_SHARED);
        EQ(pthread_rwlockattr_setpshared(&ra, 2), EINVAL);
        OK(pthread_barrierattr_init(&ba));
        EQ(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED), 0);
        EQ(pthread_barrierattr_getpshared(&ba, &v), 0);
        EQ(v, PTHREAD_PROCESS_SHARED);
        EQ(pthread_barrierattr_setpshared(&ba, -1), EINVAL);
    }

    /* keys */
    EQ(pthread_key_create(&key, dtor), 0);
    EQ(pthread_key_create(&key2, dtor), 0);
    CHECK(key != key2);
    CHECK(pthread_getspecific(key) == NULL);
    EQ(pthread_setspecific(key, &once_runs), 0);
    CHECK(pthread_getspecific(key) == &once_runs);
    EQ(pthread_key_delete(key2 + 100), EINVAL);

    v = DONE();
    if (v)
        return v;
    /* the destructors: key's at once, key2's in a second round */
    fflush(stdout);
    pthread_exit(NULL);
}

__attribute__((destructor)) static void after(void)
{
    printf("key destructors run: %d\n", dtor_runs);
}
