/*
 * boot.h - the overlay's side of files going in and out without a host
 * filesystem (wasm only): the file image slot, start-up, the host's
 * configuration. The portable parts are in vfs_streams.h.
 */
#ifndef WASI_VFS_BOOT_H
#define WASI_VFS_BOOT_H

#include "../internal.h"
#include "vfs_streams.h"

/*
 * Where the module's file image is (libc-overlay/IMAGE.md): a marker that
 * wasi-vfs-pack finds, then the image's address (NULL: no image). The link
 * sets it to __wasi_vfs_image when one is linked in (--vfs-embed);
 * wasi-vfs-pack overwrites it with a data segment after linking. Defined
 * in image_boot.c; fs/sbrk.c reads it too.
 */
struct __wasi_vfs_image_slot {
    char mark[12];                      /* "\x7fwasi-vfs-at" */
    const unsigned char *volatile image;
};
extern struct __wasi_vfs_image_slot __wasi_vfs_image_slot;

/*
 * Files in, called by __wasi_vfs() (fs/state.c) once the tree and the
 * descriptors exist: every module has it (transfer.c), but for one linked
 * with the driver's --vfs-no-transfer (-lwasi-vfs-no-transfer), where
 * libc-overlay/no-transfer's empty one takes its place and nothing below
 * is linked. In this order:
 *   __wasi_vfs_image_boot    mounts the file image, if any (a damaged
 *                            header is reported on stderr and the image
 *                            ignored): image_boot.c
 *   __wasi_vfs_streams_boot  applies the host's configuration from the
 *                            environment (config.c): streams_boot.c
 */
void __wasi_vfs_transfer(struct vfs *fs);
void __wasi_vfs_image_boot(struct vfs *fs);
void __wasi_vfs_streams_boot(struct vfs *fs);

/* Called at exit (exit() or a return from main) after the program's
 * atexit functions and the flush of every FILE, when set (fs/exit.c). */
extern void (*__wasi_vfs_at_exit)(void);

/* Writes "wasi-vfs: " a b c d e "\n" to the host's stderr (NULL parts
 * are skipped). */
void __wasi_vfs_say(const char *a, const char *b, const char *c,
                    const char *d, const char *e);

/* io/'s streams over host descriptor fd (io/src/wasm/host_new.c), for the
 * archives: the input never reads ahead, so an archive on stdin leaves what
 * follows it to the program; they link no poll_oneoff (a descriptor that is
 * not ready is retried unless the program links the poll). NULL when out of
 * memory; closing frees the stream, not the descriptor. */
wasi_io_input *__wasi_io__host_input_new(int fd);
wasi_io_output *__wasi_io__host_output_new(int fd);

/* Applies the host's configuration to fs (config.c): the values of
 * WASI_VFS_IN, WASI_VFS_BIND, WASI_VFS_OUT (each NULL when unset; they are
 * modified). Returns 1 when out is kept for the export at exit (it must
 * stay). */
int __wasi_vfs_configure(struct vfs *fs, char *in, char *binds, char *out);

/* Makes the directories leading to the absolute path (not path itself),
 * mode 0755 (umask applies), each one that is missing. Returns 0 or a
 * negative errno (-ENOTDIR when a non-directory is in the way). */
int __wasi_vfs_mkdirs(struct vfs *fs, const char *path);

#endif
