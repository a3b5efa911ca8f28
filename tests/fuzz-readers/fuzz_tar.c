/*
 * fuzz_tar.c - libFuzzer target for the tar reader of libc-overlay
 * (__wasi_vfs_tar_read), built natively with the vfs core (VFS_DEBUG
 * invariants on every call), io/ and the address and undefined-behaviour
 * sanitizers.
 *
 * Each input is an archive, imported into a filesystem that already holds
 * a small tree at the destination (so merges and conflicts happen), with a
 * byte limit small enough that absurd sizes meet it. Checked:
 *  - no crash, leak, hang or sanitizer report, whatever the bytes;
 *  - the filesystem is consistent afterwards (vfs_check);
 *  - a refused archive changed nothing: same inode and byte counts, the
 *    tree at the destination lists the same, no staging directory left;
 *  - an accepted one exports (__wasi_vfs_tar_write) to an archive that
 *    imports again into a fresh filesystem with the same listing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_streams.h"

#define MAX_BYTES (8u << 20)

static int64_t clock_ns;
static int64_t tick(void *ctx)
{
    (void)ctx;
    return clock_ns += 1000;
}

static struct vfs *fresh(void)
{
    struct vfs_config cfg;
    struct vfs *fs;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = MAX_BYTES;
    cfg.max_inodes = 4096;
    cfg.now = tick;
    if (vfs_create(&cfg, &fs))
        abort();
    return fs;
}

static void must(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_tar: %s\n", what);
        abort();
    }
}

/* Appends a listing of dir (names, types, sizes, modes) to a buffer. */
struct buf {
    char *p;
    size_t len, cap;
};
static void add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        must(b->p != NULL, "out of memory");
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
struct walk {
    struct buf names;
};
static int emit(void *ctx, const struct vfs_dirent *e)
{
    struct buf *b = ctx;
    if (e->namelen <= 2 && e->name[0] == '.' &&
        (e->namelen == 1 || e->name[1] == '.'))
        return 0;
    add(b, e->name, e->namelen);
    add(b, "", 1);
    return 0;
}
static void list(struct vfs *fs, const char *dir, struct buf *out, int depth)
{
    struct buf names = {0};
    size_t off;
    int fd = vfs_openat(fs, VFS_AT_ROOT, dir, VFS_O_RDONLY | VFS_O_DIRECTORY,
                        0);
    if (fd < 0 || depth > 64)
        return;
    vfs_readdir(fs, fd, 0, emit, &names);
    vfs_close(fs, fd);
    for (off = 0; off < names.len; off += strlen(names.p + off) + 1) {
        char path[8192], line[64];
        struct vfs_stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names.p + off);
        if (vfs_fstatat(fs, VFS_AT_ROOT, path, &st, VFS_AT_SYMLINK_NOFOLLOW))
            continue;
        add(out, path, strlen(path));
        snprintf(line, sizeof line, " %o %lld\n", st.mode,
                 (long long)((st.mode & VFS_S_IFMT) == VFS_S_IFDIR ? 0
                                                                   : st.size));
        add(out, line, strlen(line));
        if ((st.mode & VFS_S_IFMT) == VFS_S_IFDIR)
            list(fs, path, out, depth + 1);
    }
    free(names.p);
}

static void seed_tree(struct vfs *fs)
{
    int fd;
    vfs_mkdirat(fs, VFS_AT_ROOT, "/data", 0755);
    vfs_mkdirat(fs, VFS_AT_ROOT, "/data/dir", 0755);
    fd = vfs_openat(fs, VFS_AT_ROOT, "/data/file",
                    VFS_O_WRONLY | VFS_O_CREAT, 0644);
    vfs_write(fs, fd, "seed", 4);
    vfs_close(fs, fd);
    vfs_symlinkat(fs, "/tmp", VFS_AT_ROOT, "/data/link");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct vfs *fs = fresh();
    struct vfs_statvfs s1, s2;
    struct buf before = {0}, after = {0};
    char why[256];
    wasi_io_input *in;
    int64_t r;

    seed_tree(fs);
    list(fs, "/data", &before, 0);
    vfs_statvfs(fs, &s1);
    in = wasi_io_input_from_bytes(data, size);
    r = __wasi_vfs_tar_read(fs, in, "/data", why, sizeof why);
    wasi_io_input_close(in);
    must(vfs_check(fs, why, sizeof why) == 0, why);
    must(vfs_fstatat(fs, VFS_AT_ROOT, "/.wasi-vfs-import-1",
                     &(struct vfs_stat){0}, VFS_AT_SYMLINK_NOFOLLOW) ==
             -ENOENT,
         "staging directory left behind");
    if (r < 0) {
        must(why[0] != 0, "an error without words");
        list(fs, "/data", &after, 0);
        vfs_statvfs(fs, &s2);
        must(s1.ffree == s2.ffree && s1.bfree == s2.bfree,
             "a refused archive changed the counts");
        must(before.len == after.len &&
                 (!before.len || !memcmp(before.p, after.p, before.len)),
             "a refused archive changed the tree");
    } else {
        /* what was imported exports and imports again the same */
        wasi_io_output *out = wasi_io_output_to_bytes(0);
        struct vfs *again = fresh();
        struct buf l1 = {0}, l2 = {0};
        size_t n;
        const unsigned char *bytes;
        int64_t w = __wasi_vfs_tar_write(fs, "/data", 0, out, why, sizeof why);
        if (w < 0)
            fprintf(stderr, "export: %lld %s\n", (long long)w, why);
        must(w >= 0, "export of an imported tree failed");
        bytes = wasi_io_bytes_output_data(out, &n);
        in = wasi_io_input_from_bytes(bytes, n);
        r = __wasi_vfs_tar_read(again, in, "/data", why, sizeof why);
        wasi_io_input_close(in);
        /* names too long for a second level of staging may not fit */
        if (r >= 0) {
            list(fs, "/data", &l1, 0);
            list(again, "/data", &l2, 0);
            must(l1.len == l2.len && (!l1.len || !memcmp(l1.p, l2.p, l1.len)),
                 "export and import again differ");
        }
        free(l1.p);
        free(l2.p);
        wasi_io_output_close(out);
        vfs_destroy(again);
    }
    free(before.p);
    free(after.p);
    vfs_destroy(fs);
    return 0;
}
