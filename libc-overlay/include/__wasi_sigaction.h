/*
 * __wasi_sigaction.h - the POSIX signal calls wasi-libc's <signal.h>
 * hides, for wasm32-wasi-vfs and wasm32-wasi, over its signal emulation
 * (signal, raise: a handler runs only when the program raises its
 * signal; nothing comes from outside the instance). Included by
 * <signal.h>. What src/sigaction.c does:
 *  - sigemptyset, sigfillset, sigaddset, sigdelset, sigismember: sets of
 *    signals 1 .. _NSIG-1; a number outside fails with EINVAL;
 *  - sigaction: installs sa_handler through signal() and reports the
 *    previous action; SA_SIGINFO (handlers taking a siginfo_t, which
 *    wasi-libc does not have) fails with ENOTSUP, SIGKILL and SIGSTOP
 *    with EINVAL; sa_mask and sa_flags are kept and reported, not acted
 *    on;
 *  - sigprocmask: keeps and reports the mask (SIGKILL and SIGSTOP never
 *    in it); an unknown "how" fails with EINVAL. raise() runs a handler
 *    whether or not its signal is blocked;
 *  - sigpending: the empty set (nothing waits to be delivered);
 *  - pthread_sigmask and pthread_kill, which POSIX declares here too (as
 *    well as in <pthread.h>): sigprocmask and raise for the one thread,
 *    returning an error number (src/common/pthread.c).
 */
#ifndef __wasi_sigaction_h
#define __wasi_sigaction_h

#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) \
 || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) \
 || defined(_BSD_SOURCE)

#define __NEED_sigset_t
#define __NEED_pthread_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

struct sigaction {
    void (*sa_handler)(int);
    sigset_t sa_mask;
    int sa_flags;
};

int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigismember(const sigset_t *, int);
int sigaction(int, const struct sigaction *__restrict,
              struct sigaction *__restrict);
int sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int sigpending(sigset_t *);
int pthread_sigmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int pthread_kill(pthread_t, int);

#ifdef __cplusplus
}
#endif

#endif

#endif
