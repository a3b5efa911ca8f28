/*
 * vfs_hooks.h - the C library functions the core calls directly, each
 * through a macro that a build may point elsewhere with -D (as littlefs's
 * LFS_MALLOC):
 *
 *   VFS_REALLOC(ptr, size)     realloc's contract; what the core's default
 *                              allocator (a vfs_config with realloc NULL)
 *                              calls to allocate and resize (it frees with
 *                              free)
 *   VFS_MEMMOVE(dst, src, n)   memmove's contract; used to move a pipe's
 *                              contents to the start of its buffer
 *
 * Unset, they are the C library's realloc and memmove. Set, they name a
 * function with the same prototype, declared here. The libc overlay sets
 * VFS_REALLOC to its small version (libc-overlay/src/fs/core_mem.c), so
 * that a module does not carry wasi-libc's realloc for the core's sake.
 */
#ifndef VFS_HOOKS_H
#define VFS_HOOKS_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifdef VFS_REALLOC
void *VFS_REALLOC(void *ptr, size_t size);
#else
#define VFS_REALLOC realloc
#endif

#ifdef VFS_MEMMOVE
void *VFS_MEMMOVE(void *dst, const void *src, size_t n);
#else
#define VFS_MEMMOVE memmove
#endif

#endif
