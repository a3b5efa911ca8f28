/*
 * state.c - the module's filesystem, created on first use.
 *
 * After the first __wasi_vfs():
 *   - the tree vfs_create makes ("/", "/tmp", "/dev", "/dev/null",
 *     "/dev/zero") plus /dev/stdin, /dev/stdout, /dev/stderr (host streams
 *     0, 1, 2) and /dev/random, /dev/urandom (random_get), all mode 0666;
 *   - descriptors 0 (O_RDONLY), 1 and 2 (O_WRONLY) open on the three stream
 *     devices, except those the program closed before;
 *   - WASI_VFS_CWD_FD open on "/" (O_PATH);
 *   - the limits of __wasi_vfs_config (limits.c, or the link's own);
 *   - the umask is 022 and __wasi_vfs_stream serves every descriptor;
 *   - then the files come in: the file image is mounted and the host's
 *     configuration applied (__wasi_vfs_transfer, transfer/boot.h: IMAGE.md,
 *     STREAMS.md; nothing with --vfs-no-transfer).
 * Registering a device only stores its ops pointer, so the device code
 * costs a few bytes; pipes and locks are linked only by the calls that use
 * them.
 *
 * When memory for this cannot be had, __wasi_vfs returns NULL, the
 * call that needed the filesystem fails with ENOMEM, and the next one
 * tries again; until then descriptors 0, 1, 2 stay the host's.
 */
#include "../internal.h"
#include "../transfer/boot.h"

struct vfs *__wasi_vfs_fs;

/* Wall-clock time for the filesystem's timestamps: the host's clock, not
 * the program's (preview1/clock.c), which stamps the filesystem's marked
 * times first. (t is static: no stack frame to make, and nothing
 * reenters.) */
int64_t __wasi_vfs_now(void *ctx)
{
    static __wasi_timestamp_t t;
    (void)ctx;
    return __wasi_vfs_host_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t)
               ? 0
               : (int64_t)t;
}

static void sync_times(void)
{
    vfs_sync_times(__wasi_vfs_fs);
}

/* Device names, 13 bytes apart: the host streams 0, 1, 2 (whose number
 * is the device's ctx), then the random sources. */
#define NAME_STRIDE 13
static const char names[] = "/dev/stdin\0\0\0/dev/stdout\0\0/dev/stderr\0\0"
                            "/dev/urandom\0/dev/random";

/* The umask the filesystem starts with: umask() keeps here what it is
 * told while the filesystem cannot be made (umask.c). */
mode_t __wasi_vfs_umask = 022;

/* The filesystem made so far, and how many of the setup steps (the five
 * devices, the current directory, then descriptors 0, 1, 2) have
 * succeeded: a setup that ran out of memory goes on from there on the
 * next call, so nothing is made twice and nothing is lost. */
static struct vfs *made;
static int done;

/* Not inlined: one call is smaller than the test at every caller. */
struct vfs *__wasi_vfs(void)
{
    struct vfs *fs = __wasi_vfs_fs;
    const char *name;
    int i, fd, r;

    if (fs)
        return fs;
    /* vfs_create sets made only when it succeeds */
    if (!made && vfs_create(&__wasi_vfs_config, &made) < 0)
        return NULL;
    fs = made;
    vfs_umask(fs, 0);
    for (; done < 9; done++) {
        if (done == 5) {
            /* The current directory first, while 0, 1, 2 are free: "/" is
             * opened at 0 and copied to WASI_VFS_CWD_FD, the table's last,
             * which is 3 at the smallest table (--vfs-max-open-files=3). */
            fd = vfs_openat(fs, VFS_AT_ROOT, "/", VFS_O_PATH | VFS_O_DIRECTORY,
                            0);
            if (fd < 0)
                return NULL;
            r = vfs_dupfd(fs, fd, WASI_VFS_CWD_FD, 0);
            vfs_close(fs, fd);
            if (r < 0)
                return NULL;
            continue;
        }
        i = done < 5 ? done : done - 6;
        name = names + NAME_STRIDE * i;
        /* an open takes the lowest free descriptor: i, as 0 .. i-1 are */
        r = done < 5 ? vfs_mknod_device(fs, VFS_AT_ROOT, name, 0666,
                                        i < 3 ? &__wasi_vfs_host_ops
                                              : &__wasi_vfs_random_ops,
                                        (void *)(intptr_t)i)
                     : vfs_openat(fs, VFS_AT_ROOT, name,
                                  i ? VFS_O_WRONLY : VFS_O_RDONLY, 0);
        if (r < 0)
            return NULL;
    }
    vfs_umask(fs, __wasi_vfs_umask);
    for (i = 0; i < 3; i++)
        if (__wasi_vfs_std_closed >> i & 1)
            vfs_close(fs, i);
    __wasi_vfs_stream = &__wasi_vfs_stream_vfs;
    __wasi_vfs_sync_times = sync_times;
    __wasi_vfs_fs = fs;
    __wasi_vfs_transfer(fs);
    return fs;
}
