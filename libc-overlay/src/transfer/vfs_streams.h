/*
 * vfs_streams.h - files going in and out of the module's filesystem
 * without a host filesystem: the embedded file image, tar archives read
 * from and written to io/ streams. Portable C11 on vfs.h and wasi_io.h (no
 * WASI), so that these parts build natively for their tests and fuzzers;
 * the wasm glue (streams_boot.c, config.c, exports.c) lives beside them
 * in transfer/.
 *
 * Errors: negative errno values, as the vfs core's, on every platform,
 * also for a failure of an io/ stream: io/'s codes (negated WASI errno)
 * become errno values where they enter (io_error.h; on WebAssembly they
 * are the same numbers, natively they are not). The functions that
 * read outside input (an archive, an image) also explain a failure in
 * words: `why` receives a NUL-terminated English sentence naming the entry
 * at fault (truncated to whysize; why may be NULL).
 */
#ifndef WASI_VFS_STREAMS_H
#define WASI_VFS_STREAMS_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include <vfs.h>
#include <wasi_io.h>

/* ---- the file image (format: libc-overlay/IMAGE.md) --------------------- */

/*
 * Mounts the image at `image` (its bytes must stay unchanged for the life
 * of fs) over "/": the image's root directory is filled into "/" lazily,
 * its directories lazily in turn, its files borrow their contents
 * (vfs_fill_add). Names that exist already stay (directories merge).
 * Returns 0, or -EINVAL (no image there: bad magic, version or size, with
 * why set), or an error of vfs_lazy_dir. A directory table found damaged
 * later makes the lookup that needs it fail with -EIO.
 */
int __wasi_vfs_image_mount(struct vfs *fs, const void *image, char *why,
                           size_t whysize);

/* ---- tar archives ------------------------------------------------------ */

/* Most bytes a pax extended header or GNU long name may have. */
#define WASI_VFS_TAR_META_MAX 65536

/*
 * Reads a tar archive (POSIX ustar, pax extended headers, GNU long names
 * and base-256 numbers) from `in` up to and including its end-of-archive
 * marker (two zero blocks; nothing after it is read) and extracts it under
 * the directory `dest` (an absolute path; created, with its parents, mode
 * 0755, when missing).
 *
 * All or nothing: every path the import makes is recorded, and on any
 * error they are removed again, last first, leaving dest as it was.
 * Nothing that existed before is changed: existing directories are merged
 * into (their mode and times kept), and an entry whose name an existing
 * non-directory has fails the import (-EEXIST). A name the archive itself
 * used before is replaced, as tar does.
 *
 * Kept: regular files (types '0', NUL, '7'), directories ('5'), symlinks
 * ('2', target verbatim), hard links ('1', to an earlier entry), modes
 * (07777) and mtimes (seconds; pax mtime with its fraction). Names are
 * relative to dest: leading "/" and "./" are dropped (as tar does).
 *
 * Errors (why says which entry and what): -EINVAL malformed header (bad
 * checksum, number or pax record), -EPERM a name or hard-link target with
 * a ".." component, or a path going through a symlink (it would climb out
 * of dest), -ENOTSUP an entry type it does not keep (devices, FIFOs,
 * sparse or multi-volume files), -EFBIG a size larger than the filesystem
 * can hold, -EIO truncated archive (the stream ended first, or no
 * end-of-archive marker), -ENOSPC, -ENOMEM, an error of the stream (as
 * an errno: -EIO, -EAGAIN, ...), or of the vfs.
 * Returns the number of entries extracted, or the error.
 */
int64_t __wasi_vfs_tar_read(struct vfs *fs, wasi_io_input *in, const char *dest,
                            char *why, size_t whysize);

/*
 * Writes the tree under the directory `src` (an absolute path; the
 * directory itself, not a symlink to it) as a tar archive (ustar, with
 * pax extended headers for long names and link targets) to `out`, names
 * relative to src ("a/b.txt", directories with a trailing "/"), ending
 * with the end-of-archive marker, and flushes out.
 *
 * since: 0 writes everything; otherwise only what changed at or after
 * `since` (nanoseconds, vfs clock): regular files and symlinks whose ctime
 * is >= since, directories whose ctime is, or that lead to such an entry,
 * and all that is under a directory changed and moved (VFS_ST_MOVED, or
 * its listing older than since) (deleted files cannot be expressed in tar
 * and are not). Kept: regular files, directories, symlinks, modes, mtimes
 * (nanoseconds), holes (PAX sparse 1.0). Devices, FIFOs and
 * sockets are skipped.
 * Returns the number of entries written, or a negative errno: of the vfs,
 * or of the stream (-EPIPE, -ENOSPC, ...).
 */
int64_t __wasi_vfs_tar_write(struct vfs *fs, const char *src, int64_t since,
                             wasi_io_output *out, char *why, size_t whysize);

#endif
