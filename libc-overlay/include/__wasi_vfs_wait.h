/*
 * __wasi_vfs_wait.h - the wait-status macros (Linux encoding), shared by
 * <stdlib.h> (for system) and <sys/wait.h>. No status is ever produced
 * inside one instance: wait, waitpid and system(command) fail with ENOSYS.
 */
#ifndef __wasi_vfs_wait_h
#define __wasi_vfs_wait_h

#ifndef WNOHANG
#define WNOHANG 1
#define WUNTRACED 2
#endif

#ifndef WEXITSTATUS
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSTOPPED(s) ((short)((((s) & 0xffff) * 0x10001) >> 8) > 0x7f00)
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#define WCOREDUMP(s) ((s) & 0x80)
#define WIFCONTINUED(s) ((s) == 0xffff)
#endif

#endif
