/*
 * pthread_attr.c - the attributes of threads, mutexes, condition
 * variables, read-write locks and barriers, for the single-threaded
 * pthreads of pthread.c (the contract: <pthread.h>). Each is kept and read
 * back as Linux does, and checked as Linux checks it (EINVAL for a value
 * out of range); what one thread makes no use of (guard size, stack
 * address, scheduling, process sharing, protocol, robustness) changes
 * nothing else. Layout: pthread_attr.h.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>

#include "pthread_attr.h"

/* ---- threads ------------------------------------------------------------- */

#define A_DETACH(a) ((a)->__u.__i[0])
#define A_STACK(a) ((a)->__u.__i[1]) /* 0: the main stack's size */
#define A_SCOPE(a) ((a)->__u.__i[2])
#define A_GUARD(a) ((a)->__u.__i[3])
#define A_STACKADDR(a) ((a)->__u.__i[4])
#define A_PRIO(a) ((a)->__u.__i[5])

#define GUARD_DEFAULT 4096 /* Linux: one page */
#ifndef PTHREAD_STACK_MIN /* <limits.h> has it only for some feature macros */
#define PTHREAD_STACK_MIN 2048
#endif

int pthread_attr_init(pthread_attr_t *a)
{
    *a = (pthread_attr_t){0};
    A_SCOPE(a) = PTHREAD_SCOPE_SYSTEM;
    A_GUARD(a) = GUARD_DEFAULT;
    return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
    (void)a;
    return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
    if ((unsigned)state > PTHREAD_CREATE_DETACHED)
        return EINVAL;
    A_DETACH(a) = state;
    return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
    *state = A_DETACH(a);
    return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
    if (size < PTHREAD_STACK_MIN || size > INT32_MAX)
        return EINVAL;
    A_STACK(a) = (int)size;
    return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict a,
                              size_t *restrict size)
{
    extern char __stack_low[], __stack_high[];
    *size = A_STACK(a) ? (size_t)A_STACK(a)
                       : (size_t)(__stack_high - __stack_low);
    return 0;
}

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
    int r = pthread_attr_setstacksize(a, size);
    if (r == 0)
        A_STACKADDR(a) = (int)(uintptr_t)addr;
    return r;
}

int pthread_attr_getstack(const pthread_attr_t *restrict a,
                          void **restrict addr, size_t *restrict size)
{
    *addr = (void *)(uintptr_t)(unsigned)A_STACKADDR(a);
    return pthread_attr_getstacksize(a, size);
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
    if (size > INT32_MAX)
        return EINVAL;
    A_GUARD(a) = (int)size;
    return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *restrict a,
                              size_t *restrict size)
{
    *size = (size_t)A_GUARD(a);
    return 0;
}

/* Linux: PTHREAD_SCOPE_PROCESS is not supported. */
int pthread_attr_setscope(pthread_attr_t *a, int scope)
{
    if (scope == PTHREAD_SCOPE_PROCESS)
        return ENOTSUP;
    if (scope != PTHREAD_SCOPE_SYSTEM)
        return EINVAL;
    A_SCOPE(a) = scope;
    return 0;
}

int pthread_attr_getscope(const pthread_attr_t *restrict a,
                          int *restrict scope)
{
    *scope = A_SCOPE(a);
    return 0;
}

/* The one policy, SCHED_OTHER, has the one priority 0 (Linux's range).
 * Only sched_priority, struct sched_param's first member, is read or
 * written: a wasi-libc may leave the structure undeclared (Debian 12's). */
int pthread_attr_setschedparam(pthread_attr_t *restrict a,
                               const struct sched_param *restrict p)
{
    int prio = *(const int *)(const void *)p;
    if (prio != 0)
        return EINVAL;
    A_PRIO(a) = prio;
    return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *restrict a,
                               struct sched_param *restrict p)
{
    *(int *)(void *)p = A_PRIO(a);
    return 0;
}

/* ---- mutexes ------------------------------------------------------------- */

#define MA_PSHARED 4u
#define MA_PROTOCOL (3u << 3)
#define MA_ROBUST 32u

/* The attribute words below hold fields under masks of contiguous bits.
 * set_field stores value in the field of *attr under mask when value <=
 * max, else gives EINVAL and changes nothing; get_field reads it back. */
static int set_field(unsigned *attr, unsigned mask, int value, unsigned max)
{
    if ((unsigned)value > max)
        return EINVAL;
    *attr = (*attr & ~mask) | ((unsigned)value << __builtin_ctz(mask));
    return 0;
}

static int get_field(unsigned attr, unsigned mask)
{
    return (int)((attr & mask) >> __builtin_ctz(mask));
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
    a->__attr = 0;
    return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
    (void)a;
    return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
    return set_field(&a->__attr, MUTEXATTR_TYPE_MASK, type,
                     PTHREAD_MUTEX_ERRORCHECK);
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a,
                              int *restrict type)
{
    *type = get_field(a->__attr, MUTEXATTR_TYPE_MASK);
    return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared)
{
    return set_field(&a->__attr, MA_PSHARED, pshared, PTHREAD_PROCESS_SHARED);
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict a,
                                 int *restrict pshared)
{
    *pshared = get_field(a->__attr, MA_PSHARED);
    return 0;
}

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *a, int protocol)
{
    return set_field(&a->__attr, MA_PROTOCOL, protocol, PTHREAD_PRIO_PROTECT);
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *restrict a,
                                  int *restrict protocol)
{
    *protocol = get_field(a->__attr, MA_PROTOCOL);
    return 0;
}

int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int robust)
{
    return set_field(&a->__attr, MA_ROBUST, robust, PTHREAD_MUTEX_ROBUST);
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *restrict a,
                                int *restrict robust)
{
    *robust = get_field(a->__attr, MA_ROBUST);
    return 0;
}

/* ---- condition variables ------------------------------------------------- */

#define CA_MONOTONIC 1u
#define CA_PSHARED 2u

int pthread_condattr_init(pthread_condattr_t *a)
{
    a->__attr = 0;
    return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
    (void)a;
    return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clk)
{
    if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
        return EINVAL;
    return set_field(&a->__attr, CA_MONOTONIC, clk == CLOCK_MONOTONIC, 1);
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict a,
                              clockid_t *restrict clk)
{
    *clk = a->__attr & CA_MONOTONIC ? CLOCK_MONOTONIC : CLOCK_REALTIME;
    return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int pshared)
{
    return set_field(&a->__attr, CA_PSHARED, pshared, PTHREAD_PROCESS_SHARED);
}

int pthread_condattr_getpshared(const pthread_condattr_t *restrict a,
                                int *restrict pshared)
{
    *pshared = get_field(a->__attr, CA_PSHARED);
    return 0;
}

/* ---- read-write locks and barriers --------------------------------------- */

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
    a->__attr[0] = a->__attr[1] = 0;
    return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
    (void)a;
    return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared)
{
    return set_field(&a->__attr[0], 1u, pshared, PTHREAD_PROCESS_SHARED);
}

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a,
                                  int *restrict pshared)
{
    *pshared = get_field(a->__attr[0], 1u);
    return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
    a->__attr = 0;
    return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
    (void)a;
    return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared)
{
    return set_field(&a->__attr, 1u, pshared, PTHREAD_PROCESS_SHARED);
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict a,
                                   int *restrict pshared)
{
    *pshared = get_field(a->__attr, 1u);
    return 0;
}
