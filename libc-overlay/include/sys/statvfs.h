/*
 * <sys/statvfs.h> for wasm32-wasi-vfs (wasi-libc has none). Reports the
 * module's virtual filesystem: its byte and inode limits, in 4096-byte
 * blocks.
 */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <features.h>

#define __NEED_fsblkcnt_t
#define __NEED_fsfilcnt_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

struct statvfs {
    unsigned long f_bsize, f_frsize;
    fsblkcnt_t f_blocks, f_bfree, f_bavail;
    fsfilcnt_t f_files, f_ffree, f_favail;
    unsigned long f_fsid;
    unsigned long f_flag, f_namemax;
    int __reserved[6];
};

int statvfs(const char *__restrict, struct statvfs *__restrict);
int fstatvfs(int, struct statvfs *);

#define ST_RDONLY 1
#define ST_NOSUID 2

#ifdef __cplusplus
}
#endif

#endif
