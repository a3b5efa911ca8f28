/*
 * common.h - what the files of common/ share: the help that does not need
 * the virtual filesystem, compiled for wasm32-wasi-vfs (../../CMakeLists.txt)
 * and for wasm32-wasi (../../plain/plain.cmake). It includes no header of
 * the vfs core or of io/: nothing here calls them. Names follow
 * internal.h's rule: hidden, with the __wasi_vfs_ prefix.
 */
#ifndef WASI_VFS_COMMON_H
#define WASI_VFS_COMMON_H

/* The one user: root, owner of every file; what getuid(), stat() and
 * getpwuid() report. As root, reading and writing are never refused (a
 * file created with mode 0 can be opened again), executing needs an x bit
 * (libc-overlay/README.md, "The user"); the vfs core is built with
 * VFS_SUPERUSER. */
#define WASI_VFS_UID 0
#define WASI_VFS_GID 0
#define WASI_VFS_USER "root"
#define WASI_VFS_HOME "/tmp"
#define WASI_VFS_SHELL "/bin/sh"

/* Replaces the 6 bytes at x with random letters and digits (random_get;
 * randname.c), for temporary file names. */
void __wasi_vfs_randname(char *x);

#endif
