/*
 * pthread.c - POSIX threads for a process that has one thread and can
 * make no other (the contract: <pthread.h>). Over a wasi-libc whose libc.a
 * defines pthreads of its own, the merge replaces the members that do.
 *
 * Every object lives in the musl type's int array (zero is its static
 * initializer):
 *   mutex  __i[0] type, __i[1] lock count
 *   rwlock __i[0] readers holding it, __i[1] 1 when the writer holds it
 *   cond   nothing (no thread can wait on it but this one)
 *   barrier __i[0] count
 * (the attributes: pthread_attr.c; a mutex takes its type from
 * pthread_attr.h's MUTEXATTR_TYPE).
 * With one thread, a lock already held can only be released by the
 * caller, and a condition can be signalled only by it: such a wait would
 * never end, so it fails at once (EDEADLK; ETIMEDOUT for a timed one,
 * without waiting for the time).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>

#include "pthread_attr.h"

/* ---- the thread ---------------------------------------------------------- */

/* The one thread is pthread_self() (pthread_self.c). */
static unsigned char detached;

int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict a,
                   void *(*fn)(void *), void *restrict arg)
{
    (void)t, (void)a, (void)fn, (void)arg;
    return EAGAIN;
}

#undef pthread_equal
int pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

int pthread_join(pthread_t t, void **ret)
{
    (void)ret;
    return t == pthread_self() ? EDEADLK : ESRCH;
}

int pthread_detach(pthread_t t)
{
    if (t != pthread_self())
        return ESRCH;
    if (detached)
        return EINVAL;
    detached = 1;
    return 0;
}

int pthread_kill(pthread_t t, int sig)
{
    if (t != pthread_self())
        return ESRCH;
    if (sig == 0)
        return 0;
    return raise(sig) ? errno : 0;
}

int pthread_sigmask(int how, const sigset_t *restrict set,
                    sigset_t *restrict old)
{
    return sigprocmask(how, set, old) ? errno : 0;
}

int pthread_setcancelstate(int state, int *old)
{
    if ((unsigned)state > PTHREAD_CANCEL_DISABLE)
        return EINVAL;
    if (old)
        *old = PTHREAD_CANCEL_ENABLE;
    return 0;
}

int pthread_setcanceltype(int type, int *old)
{
    if ((unsigned)type > PTHREAD_CANCEL_ASYNCHRONOUS)
        return EINVAL;
    if (old)
        *old = PTHREAD_CANCEL_DEFERRED;
    return 0;
}

void pthread_testcancel(void)
{
}

/* Nothing can be cancelled: there is no other thread, and cancelling
 * this one would have to unwind it. */
int pthread_cancel(pthread_t t)
{
    return t == pthread_self() ? ENOSYS : ESRCH;
}

/* No fork ever happens, so the handlers never run. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void),
                   void (*child)(void))
{
    (void)prepare, (void)parent, (void)child;
    return 0;
}

/* ---- once ------------------------------------------------------------------ */

/* 0 not run, 1 running, 2 done. A call from inside fn returns at once. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    if (*once == 0) {
        *once = 1;
        fn();
        *once = 2;
    }
    return 0;
}

/* ---- keys ------------------------------------------------------------------ */

static void (*key_dtor[PTHREAD_KEYS_MAX])(void *);
static const void *key_value[PTHREAD_KEYS_MAX];
static unsigned char key_used[PTHREAD_KEYS_MAX];

static void no_dtor(void *p)
{
    (void)p;
}

int pthread_key_create(pthread_key_t *k, void (*dtor)(void *))
{
    unsigned i;
    for (i = 0; i < PTHREAD_KEYS_MAX; i++)
        if (!key_used[i]) {
            key_used[i] = 1;
            key_dtor[i] = dtor ? dtor : no_dtor;
            key_value[i] = NULL;
            *k = i;
            return 0;
        }
    return EAGAIN;
}

int pthread_key_delete(pthread_key_t k)
{
    if (k >= PTHREAD_KEYS_MAX || !key_used[k])
        return EINVAL;
    key_used[k] = 0;
    key_value[k] = NULL;
    return 0;
}

void *pthread_getspecific(pthread_key_t k)
{
    return k < PTHREAD_KEYS_MAX && key_used[k] ? (void *)key_value[k] : NULL;
}

int pthread_setspecific(pthread_key_t k, const void *v)
{
    if (k >= PTHREAD_KEYS_MAX || !key_used[k])
        return EINVAL;
    key_value[k] = v;
    return 0;
}

/* The thread's end: each key's destructor on its non-NULL value (the
 * value is set to NULL first), in rounds while values remain, at most
 * PTHREAD_DESTRUCTOR_ITERATIONS; then, being the last thread, the
 * process exits with status 0 (exit(): atexit handlers, streams flushed).
 * As on Linux, exit() and a return from main run no key destructor. */
_Noreturn void pthread_exit(void *ret)
{
    int round, again = 1;
    unsigned i;
    (void)ret;
    for (round = 0; again && round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
        again = 0;
        for (i = 0; i < PTHREAD_KEYS_MAX; i++)
            if (key_used[i] && key_value[i]) {
                void *v = (void *)key_value[i];
                key_value[i] = NULL;
                key_dtor[i](v);
                again = 1;
            }
    }
    exit(0);
}

/* ---- mutexes ---------------------------------------------------------------- */

#define M_TYPE(m) ((m)->__u.__i[0])
#define M_COUNT(m) ((m)->__u.__i[1])

int pthread_mutex_init(pthread_mutex_t *restrict m,
                       const pthread_mutexattr_t *restrict a)
{
    *m = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
    if (a)
        M_TYPE(m) = (int)MUTEXATTR_TYPE(a);
    return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
    return M_COUNT(m) ? EBUSY : 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
    if (M_COUNT(m) == 0) {
        M_COUNT(m) = 1;
        return 0;
    }
    if (M_TYPE(m) != PTHREAD_MUTEX_RECURSIVE)
        return EBUSY;
    if (M_COUNT(m) == INT32_MAX)
        return EAGAIN;
    M_COUNT(m)++;
    return 0;
}

/* A mutex held (not recursive) is held by this thread: the wait would
 * never end. */
int pthread_mutex_lock(pthread_mutex_t *m)
{
    int r = pthread_mutex_trylock(m);
    return r == EBUSY ? EDEADLK : r;
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict m,
                            const struct timespec *restrict at)
{
    int r = pthread_mutex_trylock(m);
    (void)at;
    if (r != EBUSY)
        return r;
    return M_TYPE(m) == PTHREAD_MUTEX_ERRORCHECK ? EDEADLK : ETIMEDOUT;
}

/* A mutex here is never left inconsistent: no owner can die holding it
 * without the process ending. */
int pthread_mutex_consistent(pthread_mutex_t *m)
{
    (void)m;
    return EINVAL;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    if (M_COUNT(m) == 0)
        return EPERM;
    M_COUNT(m)--;
    return 0;
}


/* ---- condition variables ---------------------------------------------------- */

int pthread_cond_init(pthread_cond_t *restrict c,
                      const pthread_condattr_t *restrict a)
{
    (void)a;
    *c = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
    return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
    (void)c;
    return 0;
}

int pthread_cond_signal(pthread_cond_t *c)
{
    (void)c;
    return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
    (void)c;
    return 0;
}

/* No other thread could signal: EPERM when the mutex is not held (as an
 * error-checking mutex reports), else EDEADLK; the mutex stays held. */
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m)
{
    (void)c;
    return M_COUNT(m) == 0 ? EPERM : EDEADLK;
}

int pthread_cond_timedwait(pthread_cond_t *restrict c,
                           pthread_mutex_t *restrict m,
                           const struct timespec *restrict at)
{
    (void)c;
    if (M_COUNT(m) == 0)
        return EPERM;
    if (!at || at->tv_nsec < 0 || at->tv_nsec >= 1000000000L)
        return EINVAL;
    return ETIMEDOUT;
}


/* ---- read-write locks ------------------------------------------------------- */

#define RW_READERS(l) ((l)->__u.__i[0])
#define RW_WRITER(l) ((l)->__u.__i[1])

int pthread_rwlock_init(pthread_rwlock_t *restrict l,
                        const pthread_rwlockattr_t *restrict a)
{
    (void)a;
    *l = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
    return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
    return RW_READERS(l) || RW_WRITER(l) ? EBUSY : 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
    if (RW_WRITER(l))
        return EBUSY;
    if (RW_READERS(l) == INT32_MAX)
        return EAGAIN;
    RW_READERS(l)++;
    return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
    int r = pthread_rwlock_tryrdlock(l);
    return r == EBUSY ? EDEADLK : r;
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l,
                               const struct timespec *restrict at)
{
    int r = pthread_rwlock_tryrdlock(l);
    (void)at;
    return r == EBUSY ? ETIMEDOUT : r;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
    if (RW_WRITER(l) || RW_READERS(l))
        return EBUSY;
    RW_WRITER(l) = 1;
    return 0;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
    int r = pthread_rwlock_trywrlock(l);
    return r == EBUSY ? EDEADLK : r;
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l,
                               const struct timespec *restrict at)
{
    int r = pthread_rwlock_trywrlock(l);
    (void)at;
    return r == EBUSY ? ETIMEDOUT : r;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    if (RW_WRITER(l))
        RW_WRITER(l) = 0;
    else if (RW_READERS(l))
        RW_READERS(l)--;
    else
        return EPERM;
    return 0;
}


/* ---- spin locks and barriers -------------------------------------------------- */

int pthread_spin_init(pthread_spinlock_t *s, int pshared)
{
    (void)pshared;
    *s = 0;
    return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *s)
{
    return *s ? EBUSY : 0;
}

int pthread_spin_trylock(pthread_spinlock_t *s)
{
    if (*s)
        return EBUSY;
    *s = 1;
    return 0;
}

int pthread_spin_lock(pthread_spinlock_t *s)
{
    return *s ? EDEADLK : (*s = 1, 0);
}

int pthread_spin_unlock(pthread_spinlock_t *s)
{
    *s = 0;
    return 0;
}

#define B_COUNT(b) ((b)->__u.__i[0])

int pthread_barrier_init(pthread_barrier_t *restrict b,
                         const pthread_barrierattr_t *restrict a,
                         unsigned count)
{
    (void)a;
    if (count == 0 || count > INT32_MAX)
        return EINVAL;
    B_COUNT(b) = (int)count;
    return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
    (void)b;
    return 0;
}

/* A barrier for one thread lets it through; for more, no other thread
 * could ever arrive. */
int pthread_barrier_wait(pthread_barrier_t *b)
{
    return B_COUNT(b) == 1 ? PTHREAD_BARRIER_SERIAL_THREAD : EDEADLK;
}
