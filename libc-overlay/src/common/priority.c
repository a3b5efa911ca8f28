/*
 * priority.c - getpriority and setpriority. The module is one process,
 * whose id is getpid()'s, alone in its process group and the only process
 * of its user. It has a nice value, 0 at start, which setpriority sets
 * (clamped to -20..19, as Linux; the one user may lower it, as root may)
 * and getpriority reports; nothing schedules by it. `who` 0 means the
 * calling process (group, user); another id than the process's, its
 * group's (getpid()) or its user's (getuid()) names no process: ESRCH.
 * An unknown `which` is EINVAL.
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

static int nice_value;

static int target(int which, id_t who)
{
    id_t self;
    switch (which) {
    case PRIO_PROCESS:
    case PRIO_PGRP:
        self = (id_t)getpid();
        break;
    case PRIO_USER:
        self = (id_t)getuid();
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    if (who != 0 && who != self) {
        errno = ESRCH;
        return -1;
    }
    return 0;
}

int getpriority(int which, id_t who)
{
    return target(which, who) ? -1 : nice_value;
}

int setpriority(int which, id_t who, int value)
{
    if (target(which, who))
        return -1;
    nice_value = value < -20 ? -20 : value > 19 ? 19 : value;
    return 0;
}
