/*
 * sigaction.c - sigaction, sigprocmask, sigpending and the signal-set
 * calls over wasi-libc's signal emulation (see <__wasi_sigaction.h> for
 * the contract). Shared by wasm32-wasi-vfs and wasm32-wasi.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

#define WORD (8 * sizeof(unsigned long))

/* sa_mask and sa_flags of the action last installed by sigaction, kept
 * for reporting while its handler is still the one in place. */
static struct sigaction acts[_NSIG];
static sigset_t mask;

static int bad(int sig)
{
    if (sig <= 0 || sig >= _NSIG) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

int sigemptyset(sigset_t *set)
{
    memset(set, 0, sizeof *set);
    return 0;
}

int sigfillset(sigset_t *set)
{
    int s;
    sigemptyset(set);
    for (s = 1; s < _NSIG; s++)
        sigaddset(set, s);
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    set->__bits[(unsigned)(sig - 1) / WORD] |= 1UL << (unsigned)(sig - 1) % WORD;
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    set->__bits[(unsigned)(sig - 1) / WORD] &= ~(1UL << (unsigned)(sig - 1) % WORD);
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    return !!(set->__bits[(unsigned)(sig - 1) / WORD] &
              1UL << (unsigned)(sig - 1) % WORD);
}

int sigaction(int sig, const struct sigaction *restrict act,
              struct sigaction *restrict old)
{
    void (*prev)(int) = SIG_DFL;

    if (bad(sig))
        return -1;
    if (sig == SIGKILL || sig == SIGSTOP) {
        if (act) {
            errno = EINVAL;
            return -1;
        }
    } else if (act) {
        if (act->sa_flags & SA_SIGINFO) {
            errno = ENOTSUP;
            return -1;
        }
        prev = signal(sig, act->sa_handler);
        if (prev == SIG_ERR)
            return -1;
    } else {
        /* Only asked: the emulation tells the handler by replacing it. */
        prev = signal(sig, SIG_DFL);
        if (prev == SIG_ERR)
            return -1;
        signal(sig, prev);
    }
    if (old) {
        if (prev == acts[sig].sa_handler)
            *old = acts[sig];
        else
            memset(old, 0, sizeof *old);
        old->sa_handler = prev;
    }
    if (act)
        acts[sig] = *act;
    return 0;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
    sigset_t next = mask;
    size_t i;

    if (set) {
        for (i = 0; i < sizeof mask.__bits / sizeof mask.__bits[0]; i++) {
            if (how == SIG_BLOCK)
                next.__bits[i] |= set->__bits[i];
            else if (how == SIG_UNBLOCK)
                next.__bits[i] &= ~set->__bits[i];
            else if (how == SIG_SETMASK)
                next.__bits[i] = set->__bits[i];
            else {
                errno = EINVAL;
                return -1;
            }
        }
        sigdelset(&next, SIGKILL);
        sigdelset(&next, SIGSTOP);
    }
    if (old)
        *old = mask;
    mask = next;
    return 0;
}

int sigpending(sigset_t *set)
{
    return sigemptyset(set);
}
