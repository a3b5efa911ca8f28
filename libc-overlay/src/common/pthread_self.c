/*
 * pthread_self.c - the identity of the one thread (the contract:
 * <pthread.h>, <threads.h>): pthread_self and thrd_current return the same
 * value on every call, which pthread.c compares thread arguments with.
 *
 * This object is on its own because a wasi-libc may define both calls in a
 * member that also holds the thread structure its other members use (the
 * wasi-libc of ctest wasi-libc.wasi-sdk: __wasilibc_pthread_self, set up
 * before main). Over such a wasi-libc this object gives way
 * (cmake/merge-libc.cmake, YIELDS) and its pthread_self, which returns that
 * structure's address, is the identity; the rest of the pthreads stay the
 * overlay's.
 */
#include <pthread.h>
#include <stdint.h>
#include <threads.h>

pthread_t pthread_self(void)
{
    return (pthread_t)(uintptr_t)1;
}

thrd_t thrd_current(void)
{
    return (thrd_t)pthread_self();
}
