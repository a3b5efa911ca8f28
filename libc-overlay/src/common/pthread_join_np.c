/*
 * pthread_join_np.c - GNU's pthread_tryjoin_np and pthread_timedjoin_np,
 * as pthread_join (pthread.c): EDEADLK on the calling thread, ESRCH on any
 * other (no other thread can exist, so never EBUSY or ETIMEDOUT).
 *
 * Only for a wasi-libc that defines them itself, in the member that also
 * defines pthread_join (the wasi-libc of ctest wasi-libc.wasi-sdk): the merge replaces
 * that member, and this object keeps its calls. Over any other wasi-libc
 * the merge leaves this object out (cmake/merge-libc.cmake, IF_BASE), so that
 * the C library defines no name outside C/POSIX that wasi-libc does not;
 * <pthread.h> declares neither.
 */
#include <pthread.h>
#include <time.h>

int pthread_tryjoin_np(pthread_t, void **);
int pthread_timedjoin_np(pthread_t, void **, const struct timespec *);

int pthread_tryjoin_np(pthread_t t, void **ret)
{
    return pthread_join(t, ret);
}

int pthread_timedjoin_np(pthread_t t, void **ret, const struct timespec *at)
{
    (void)at;
    return pthread_join(t, ret);
}
