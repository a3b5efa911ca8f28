/*
 * config.c - the host's configuration, from the environment (streams_boot.c
 * reads it), applied when the filesystem is created, that is when the
 * program first uses a file (libc-overlay/STREAMS.md):
 *
 *   WASI_VFS_IN=FD:DIR[,FD:DIR]...  read a tar archive from host stream FD
 *                                   and extract it under DIR (all or
 *                                   nothing)
 *   WASI_VFS_BIND=PATH:FD[,...]     make PATH a device whose reads and
 *                                   writes are host stream FD's
 *   WASI_VFS_OUT=DIR:FD[:all][,...] at exit (exit() or a return from main),
 *                                   write DIR as a tar archive to host
 *                                   stream FD: what changed since the
 *                                   imports, or everything with ":all"
 *                                   (at most 8)
 *
 * in that order. Each failure is one line on stderr ("wasi-vfs: ...") and
 * leaves that item unapplied; the program runs on. When OUT's stream is
 * the host's stdout (1), the program's standard output goes to the host's
 * stderr from then on, so that stdout carries the archive alone. An IN on
 * stdin (0) reads the archive through its end-of-archive marker and no
 * further: the program reads what follows.
 */
#include <stdlib.h>
#include <string.h>

#include "boot.h"

#define OUTS 8
static struct out {
    char *dir;
    int fd, all;
} outs[OUTS];               /* WASI_VFS_OUT's items */
static int nouts;
static int64_t stamp;       /* what changed at or after this is exported */

static int64_t now(void)
{
    __wasi_timestamp_t t = 0;
    (void)__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t);
    return (int64_t)t;
}

/* A host descriptor number (digits, < 2^31) at s..end; -1 otherwise. */
static int fd_of(const char *s, const char *end)
{
    long v = 0;
    if (s == end)
        return -1;
    for (; s < end; s++) {
        if (*s < '0' || *s > '9' || v > 100000000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return (int)v;
}

/* 0 when host stream fd exists; says why not otherwise. */
static int stream_ok(const char *var, const char *item, int fd)
{
    __wasi_fdstat_t st;
    if (fd >= 0 && __wasi_vfs_host_fd_fdstat_get(fd, &st) == 0)
        return 0;
    __wasi_vfs_say(var, item,
                   fd < 0 ? ": expected a host stream number"
                          : ": no such host stream: not applied",
                   NULL, NULL);
    return -1;
}

/* "VAR=ITEM: not applied: WHY (ERROR)", or ": not applied: ERROR". r is
 * a negative errno; on WebAssembly errno values are WASI's, which io/'s
 * wasi_io_strerror names. */
static void failed(const char *var, const char *item, const char *why,
                   int r)
{
    const char *part[4] = {why, " (", wasi_io_strerror(r), ")"};
    char line[400];
    size_t n = 0, i, k;
    for (i = why[0] ? 0 : 2; i < (why[0] ? 4u : 3u); i++)
        for (k = 0; part[i][k] && n + 1 < sizeof line; k++)
            line[n++] = part[i][k];
    line[n] = 0;
    __wasi_vfs_say(var, item, ": not applied: ", line, NULL);
}

static void import(struct vfs *fs, char *item)
{
    char *colon = strchr(item, ':'), why[300];
    int fd = colon ? fd_of(item, colon) : -1;
    wasi_io_input *in;
    int64_t r;

    if (!colon || fd < 0 || colon[1] != '/') {
        __wasi_vfs_say("WASI_VFS_IN=", item, ": expected FD:/DIR", NULL,
                       NULL);
        return;
    }
    if (stream_ok("WASI_VFS_IN=", item, fd))
        return;
    in = __wasi_io__host_input_new(fd);
    r = in ? __wasi_vfs_tar_read(fs, in, colon + 1, why, sizeof why)
           : -ENOMEM;
    wasi_io_input_close(in);
    if (r < 0)
        failed("WASI_VFS_IN=", item, in ? why : "", (int)r);
}

static void bind(struct vfs *fs, char *item)
{
    char *colon = strrchr(item, ':');
    int fd = colon ? fd_of(colon + 1, colon + strlen(colon)) : -1, r;
    struct vfs_stat st;

    if (!colon || item[0] != '/' || fd < 0) {
        __wasi_vfs_say("WASI_VFS_BIND=", item, ": expected /PATH:FD", NULL,
                       NULL);
        return;
    }
    if (stream_ok("WASI_VFS_BIND=", item, fd))
        return;
    *colon = 0;
    r = __wasi_vfs_mkdirs(fs, item);
    if (!r &&
        !vfs_fstatat(fs, VFS_AT_ROOT, item, &st, VFS_AT_SYMLINK_NOFOLLOW))
        r = (st.mode & VFS_S_IFMT) == VFS_S_IFDIR
                ? -EISDIR : vfs_unlinkat(fs, VFS_AT_ROOT, item, 0);
    if (!r)
        r = vfs_mknod_device(fs, VFS_AT_ROOT, item, 0666,
                             &__wasi_vfs_host_ops, (void *)(intptr_t)fd);
    if (!r)
        r = vfs_fchmodat(fs, VFS_AT_ROOT, item, 0666, 0);
    *colon = ':';
    if (r)
        failed("WASI_VFS_BIND=", item, "", r);
}

/* Runs at exit, after the program's own atexit functions and the flush of
 * every FILE (fs/exit.c). */
static void export(void)
{
    struct vfs *fs = __wasi_vfs_fs; /* this runs only if it was made */
    char why[300];
    int i;

    for (i = 0; i < nouts; i++) {
        wasi_io_output *out = __wasi_io__host_output_new(outs[i].fd);
        int64_t r = out ? __wasi_vfs_tar_write(fs, outs[i].dir,
                                               outs[i].all ? 0 : stamp, out,
                                               why, sizeof why)
                        : -ENOMEM;
        if (out && wasi_io_output_close(out) && r >= 0)
            r = -EIO, strcpy(why, "cannot write the archive");
        if (r < 0)
            failed("WASI_VFS_OUT=", outs[i].dir, out ? why : "", (int)r);
    }
}

static void configure_out(struct vfs *fs, char *item)
{
    char *colon = strrchr(item, ':'), *end = item + strlen(item);
    struct vfs_stat st;
    int fd, r, all = 0;

    if (nouts == OUTS) {
        __wasi_vfs_say("WASI_VFS_OUT=", item, ": more than 8 items", NULL,
                       NULL);
        return;
    }
    if (colon && colon[1] == 'a' && colon[2] == 'l' && colon[3] == 'l' &&
        !colon[4]) { /* ":all" (not strcmp, which nothing else needs) */
        all = 1;
        end = colon;
        *colon = 0;
        colon = strrchr(item, ':');
    }
    fd = colon ? fd_of(colon + 1, end) : -1;
    if (!colon || item[0] != '/' || fd < 0) {
        __wasi_vfs_say("WASI_VFS_OUT=", item, ": expected /DIR:FD[:all]",
                       NULL, NULL);
        return;
    }
    if (stream_ok("WASI_VFS_OUT=", item, fd))
        return;
    *colon = 0;
    /* the directory is made now, so that it is there for the program */
    r = __wasi_vfs_mkdirs(fs, item);
    if (!r && (r = vfs_mkdirat(fs, VFS_AT_ROOT, item, 0755)) == -EEXIST)
        r = vfs_fstatat(fs, VFS_AT_ROOT, item, &st, 0) ? -ENOENT
            : (st.mode & VFS_S_IFMT) == VFS_S_IFDIR ? 0 : -ENOTDIR;
    if (r) {
        failed("WASI_VFS_OUT=", item, "", r);
        return;
    }
    __wasi_vfs_at_exit = export;
    outs[nouts].dir = item;
    outs[nouts].fd = fd;
    outs[nouts++].all = all;
    if (fd == 1) { /* stdout carries the archive: the program's goes to 2 */
        int d;
        vfs_unlinkat(fs, VFS_AT_ROOT, "/dev/stdout", 0);
        vfs_mknod_device(fs, VFS_AT_ROOT, "/dev/stdout", 0666,
                         &__wasi_vfs_host_ops, (void *)(intptr_t)2);
        d = vfs_openat(fs, VFS_AT_ROOT, "/dev/stdout", VFS_O_WRONLY, 0);
        if (d >= 0 && !vfs_fd_check(fs, 1))
            vfs_dup2(fs, d, 1);
        if (d >= 0)
            vfs_close(fs, d);
    }
}

/* Calls fn on each comma-separated item of list. */
static void each(struct vfs *fs, char *list, void (*fn)(struct vfs *, char *))
{
    while (list) {
        char *comma = strchr(list, ',');
        if (comma)
            *comma = 0;
        if (*list)
            fn(fs, list);
        list = comma ? comma + 1 : NULL;
    }
}

int __wasi_vfs_configure(struct vfs *fs, char *in, char *binds, char *out)
{
    int64_t last;
    int spins;

    each(fs, in, import);
    each(fs, binds, bind);
    /* what changes from now on is newer than anything imported */
    last = now();
    for (spins = 0; now() <= last && spins < 1000000; spins++)
        ;
    stamp = now();
    each(fs, out, configure_out);
    return nouts > 0;
}
