/*
 * identity.c - the process's user and group ids: the one user (root, uid
 * 0, gid 0, see common.h), real and effective alike, with no
 * supplementary group (getgroups returns 0, as for root in a container;
 * EINVAL for a negative size); getppid is 1, as for a process with no
 * visible parent. (getpid is wasi-libc's emulation.)
 */
#include <errno.h>
#include <unistd.h>

#include "common.h"

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

int getgroups(int size, gid_t list[])
{
    (void)list;
    if (size < 0) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}
