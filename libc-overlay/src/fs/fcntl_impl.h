/*
 * fcntl_impl.h - the two halves of fcntl (fcntl.c, fcntl_all.c).
 */
#ifndef WASI_VFS_FCNTL_IMPL_H
#define WASI_VFS_FCNTL_IMPL_H

#include "../internal.h"

/* fcntl with its argument read: the common commands, the others through
 * __wasi_vfs_fcntl_more when linked. Returns the result or -1 with
 * errno. */
int __wasi_vfs_fcntl_arg(int fd, int cmd, long arg);

/* F_DUPFD, F_DUPFD_CLOEXEC, F_GETLK, F_SETLK, F_SETLKW (fcntl_all.c).
 * Same result convention. fcntl.c refers to it weakly: it is null unless
 * a program calls fcntl. */
int __wasi_vfs_fcntl_more(struct vfs *fs, int fd, int cmd, long arg);

#endif
