/*
 * threads.c - C11 <threads.h> over the single-threaded pthreads of
 * pthread.c, as musl builds it over its own: thrd_create fails with
 * thrd_nomem (pthread_create's EAGAIN); mutexes, condition variables,
 * thread-specific storage and call_once work; a wait that no other thread
 * could end fails at once with thrd_error (thrd_timedout for the timed
 * forms). mtx_t, cnd_t, tss_t and once_flag have the layout of their
 * pthread counterparts in musl's types.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <threads.h>
#include <time.h>

static int result(int err)
{
    switch (err) {
    case 0:
        return thrd_success;
    case EBUSY:
        return thrd_busy;
    case ETIMEDOUT:
        return thrd_timedout;
    case EAGAIN:
    case ENOMEM:
        return thrd_nomem;
    default:
        return thrd_error;
    }
}

/* ---- threads ------------------------------------------------------------- */

/* No thread can be made, as pthread_create's EAGAIN says. */
int thrd_create(thrd_t *t, thrd_start_t fn, void *arg)
{
    (void)t, (void)fn, (void)arg;
    return thrd_nomem;
}

_Noreturn void thrd_exit(int res)
{
    pthread_exit((void *)(intptr_t)res);
}

int thrd_detach(thrd_t t)
{
    return result(pthread_detach((pthread_t)t));
}

int thrd_join(thrd_t t, int *res)
{
    void *ret;
    int err = pthread_join((pthread_t)t, &ret);
    if (err == 0 && res)
        *res = (int)(intptr_t)ret;
    return result(err);
}

#undef thrd_equal
int thrd_equal(thrd_t a, thrd_t b)
{
    return a == b;
}

/* 0 when slept, -1 when interrupted (rem set), -2 on another error. */
int thrd_sleep(const struct timespec *req, struct timespec *rem)
{
    if (nanosleep(req, rem) == 0)
        return 0;
    return errno == EINTR ? -1 : -2;
}

void thrd_yield(void)
{
    sched_yield();
}

void call_once(once_flag *flag, void (*fn)(void))
{
    pthread_once((pthread_once_t *)flag, fn);
}

/* ---- mutexes and condition variables ------------------------------------- */

int mtx_init(mtx_t *m, int type)
{
    pthread_mutexattr_t a;
    if (type != mtx_plain && type != mtx_timed &&
        type != (mtx_plain | mtx_recursive) &&
        type != (mtx_timed | mtx_recursive))
        return thrd_error;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, type & mtx_recursive
                                      ? PTHREAD_MUTEX_RECURSIVE
                                      : PTHREAD_MUTEX_NORMAL);
    return result(pthread_mutex_init((pthread_mutex_t *)m, &a));
}

void mtx_destroy(mtx_t *m)
{
    pthread_mutex_destroy((pthread_mutex_t *)m);
}

int mtx_lock(mtx_t *m)
{
    return result(pthread_mutex_lock((pthread_mutex_t *)m));
}

int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict at)
{
    return result(pthread_mutex_timedlock((pthread_mutex_t *)m, at));
}

int mtx_trylock(mtx_t *m)
{
    return result(pthread_mutex_trylock((pthread_mutex_t *)m));
}

int mtx_unlock(mtx_t *m)
{
    return result(pthread_mutex_unlock((pthread_mutex_t *)m));
}

int cnd_init(cnd_t *c)
{
    return result(pthread_cond_init((pthread_cond_t *)c, NULL));
}

void cnd_destroy(cnd_t *c)
{
    pthread_cond_destroy((pthread_cond_t *)c);
}

int cnd_signal(cnd_t *c)
{
    return result(pthread_cond_signal((pthread_cond_t *)c));
}

int cnd_broadcast(cnd_t *c)
{
    return result(pthread_cond_broadcast((pthread_cond_t *)c));
}

int cnd_wait(cnd_t *c, mtx_t *m)
{
    return result(pthread_cond_wait((pthread_cond_t *)c,
                                    (pthread_mutex_t *)m));
}

int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m,
                  const struct timespec *restrict at)
{
    return result(pthread_cond_timedwait((pthread_cond_t *)c,
                                         (pthread_mutex_t *)m, at));
}

/* ---- thread-specific storage --------------------------------------------- */

int tss_create(tss_t *k, tss_dtor_t dtor)
{
    return result(pthread_key_create((pthread_key_t *)k, dtor));
}

void tss_delete(tss_t k)
{
    pthread_key_delete((pthread_key_t)k);
}

int tss_set(tss_t k, void *v)
{
    return result(pthread_setspecific((pthread_key_t)k, v));
}

void *tss_get(tss_t k)
{
    return pthread_getspecific((pthread_key_t)k);
}
