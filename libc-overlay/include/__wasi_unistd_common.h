/*
 * __wasi_unistd_common.h - what <unistd.h> adds over wasi-libc's on both
 * wasm32-wasi-vfs and wasm32-wasi: the identity calls of the one user,
 * the ownership calls, and the process calls that cannot exist inside one
 * instance (fork, vfork, the exec family fail with ENOSYS, so code that
 * uses them compiles and takes its error path). Each triple's libc
 * defines them: on wasm32-wasi-vfs chown works on the module's files; on
 * wasm32-wasi, whose host files have no owner in preview1, the ownership
 * calls fail with ENOSYS.
 *
 * Also declared as glibc and musl declare them: alarm and pause (no timer
 * or other signal can ever arrive in a module: alarm(0) cancels nothing
 * and returns 0, alarm(n) returns 0 and sets errno to ENOSYS, pause fails
 * with ENOSYS instead of waiting forever) and getgroups (the one user's
 * one group; src/alarm.c, src/identity.c).
 */
#ifndef __wasi_unistd_common_h
#define __wasi_unistd_common_h

#ifdef __cplusplus
extern "C" {
#endif

int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int lchown(const char *, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);

pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);

int getgroups(int, gid_t []);

unsigned alarm(unsigned);
int pause(void);

pid_t fork(void);
int execve(const char *, char *const [], char *const []);
int execv(const char *, char *const []);
int execle(const char *, const char *, ...);
int execl(const char *, const char *, ...);
int execvp(const char *, char *const []);
int execlp(const char *, const char *, ...);

#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
pid_t vfork(void);
#endif

#ifdef __cplusplus
}
#endif

#endif
