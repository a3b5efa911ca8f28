/*
 * <sys/resource.h> for wasm32-wasi-vfs and wasm32-wasi: wasi-libc's header
 * with its process-clock emulation enabled (see __wasi_vfs_emulated.h),
 * and what glibc and musl declare there besides:
 *  - struct rusage with every Linux field (wasi-libc's has only the two
 *    times); getrusage (src/rusage.c) fills all of it: the times from the
 *    process clock, ru_maxrss the module's memory in KiB, the rest 0;
 *  - rlim_t, struct rlimit, RLIM_INFINITY, RLIMIT_* with Linux's values,
 *    getrlimit and setrlimit (src/rlimit.c: RLIMIT_NOFILE is the number of
 *    descriptors the program may open, RLIMIT_STACK the module's stack;
 *    the limits are fixed at link time, so setrlimit accepts only what
 *    they already are, and otherwise fails with EPERM);
 *  - PRIO_*, getpriority and setpriority (src/priority.c: the one process
 *    has a nice value, kept and reported; nothing schedules by it).
 */
#include <__wasi_vfs_emulated.h>

#ifndef __wasi_vfs_sys_resource_h
#define __wasi_vfs_sys_resource_h

#include <__struct_timeval.h>

/* Takes the place of wasi-libc's two-field struct (same guard). */
#define __wasilibc___struct_rusage_h
struct rusage {
    struct timeval ru_utime;
    struct timeval ru_stime;
    long ru_maxrss;
    long ru_ixrss;
    long ru_idrss;
    long ru_isrss;
    long ru_minflt;
    long ru_majflt;
    long ru_nswap;
    long ru_inblock;
    long ru_oublock;
    long ru_msgsnd;
    long ru_msgrcv;
    long ru_nsignals;
    long ru_nvcsw;
    long ru_nivcsw;
    long __reserved[16];
};

#endif

#include_next <sys/resource.h>

#ifndef __wasi_vfs_sys_resource_h2
#define __wasi_vfs_sys_resource_h2

#define __NEED_id_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long long rlim_t;

struct rlimit {
    rlim_t rlim_cur;
    rlim_t rlim_max;
};

int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
int getpriority(int, id_t);
int setpriority(int, id_t, int);

#define PRIO_MIN (-20)
#define PRIO_MAX 20

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

#define RLIM_INFINITY (~0ULL)
#define RLIM_SAVED_CUR RLIM_INFINITY
#define RLIM_SAVED_MAX RLIM_INFINITY

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS RLIMIT_NLIMITS

#if defined(_LARGEFILE64_SOURCE) || defined(_GNU_SOURCE)
#define RLIM64_INFINITY RLIM_INFINITY
#define getrlimit64 getrlimit
#define setrlimit64 setrlimit
#define rlimit64 rlimit
#define rlim64_t rlim_t
#endif

#ifdef __cplusplus
}
#endif

#endif
