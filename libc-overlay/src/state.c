/*
 * state.c - the module's filesystem, created on first use.
 *
 * After __wasi_vfs_init:
 *   - the tree vfs_create makes ("/", "/tmp", "/dev", "/dev/null",
 *     "/dev/zero") plus /dev/stdin, /dev/stdout, /dev/stderr (host streams
 *     0, 1, 2) and /dev/random, /dev/urandom (random_get), all mode 0666;
 *   - descriptors 0 (O_RDONLY), 1 and 2 (O_WRONLY) open on the three stream
 *     devices, except those the program closed before;
 *   - WASI_VFS_CWD_FD open on "/" (O_PATH);
 *   - the umask is 022 and __wasi_vfs_stream serves every descriptor;
 *   - then the optional parts linked in run: the file image is mounted
 *     and the host's configuration applied (boot.h: IMAGE.md, STREAMS.md).
 * Registering a device only stores its ops pointer, so the device code
 * costs a few bytes; pipes and locks are linked only by the calls that use
 * them.
 */
#include <string.h>

#include "internal.h"
#include "boot.h"

struct vfs *__wasi_vfs_fs;

/* Weak: null unless the link asked for the part (boot.h). */
#pragma weak __wasi_vfs_image_boot
#pragma weak __wasi_vfs_streams_boot

/* Wall-clock time for the filesystem's timestamps. */
static int64_t now(void *ctx)
{
    __wasi_timestamp_t t;
    (void)ctx;
    return __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t) ? 0
                                                                 : (int64_t)t;
}

/* Device names, each NUL-terminated: the host streams 0, 1, 2 (whose
 * number is the device's ctx), then the random sources. */
static const char names[] =
    "/dev/stdin\0/dev/stdout\0/dev/stderr\0/dev/urandom\0/dev/random";

struct vfs *__wasi_vfs_init(void)
{
    static const struct vfs_config cfg = {
        .max_open_files = WASI_VFS_OPEN_MAX + 1, /* + the current directory */
        .now = now,
    };
    struct vfs *fs;
    const char *name = names;
    int i, r, fd;

    if (vfs_create(&cfg, &fs) < 0)
        __builtin_trap();
    vfs_umask(fs, 0);
    /* Negative results or together into r: any failure makes it
     * negative. */
    r = 0;
    for (i = 0; i < 5; i++) {
        r |= vfs_mknod_device(fs, VFS_AT_ROOT, name, 0666,
                              i < 3 ? &__wasi_vfs_host_ops
                                    : &__wasi_vfs_random_ops,
                              (void *)(intptr_t)i);
        if (i < 3)
            r |= vfs_openat(fs, VFS_AT_ROOT, name,
                            i ? VFS_O_WRONLY : VFS_O_RDONLY, 0);
        name += strlen(name) + 1;
    }
    fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_PATH | VFS_O_DIRECTORY, 0);
    r |= fd;
    /* the lowest free descriptor from WASI_VFS_CWD_FD, the table's last */
    r |= vfs_dupfd(fs, fd, WASI_VFS_CWD_FD, 0) == WASI_VFS_CWD_FD ? 0 : -1;
    r |= vfs_close(fs, fd);
    if (r < 0)
        __builtin_trap();
    vfs_umask(fs, 022);
    for (i = 0; i < 3; i++)
        if (__wasi_vfs_std_closed >> i & 1)
            vfs_close(fs, i);
    __wasi_vfs_stream = &__wasi_vfs_stream_vfs;
    __wasi_vfs_fs = fs;
    if (__wasi_vfs_image_boot)
        __wasi_vfs_image_boot(fs);
    if (__wasi_vfs_streams_boot)
        __wasi_vfs_streams_boot(fs);
    return fs;
}
