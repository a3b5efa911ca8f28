/*
 * identity.c - the process's user and group ids: the one user (uid 1000,
 * gid 1000, see internal.h), real and effective alike; getppid is 1, as
 * for a process with no visible parent. (getpid is wasi-libc's emulation.)
 */
#include <unistd.h>

#include "internal.h"

uid_t getuid(void)
{
    return WASI_VFS_UID;
}

uid_t geteuid(void)
{
    return WASI_VFS_UID;
}

gid_t getgid(void)
{
    return WASI_VFS_GID;
}

gid_t getegid(void)
{
    return WASI_VFS_GID;
}

pid_t getppid(void)
{
    return 1;
}
