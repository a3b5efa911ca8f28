/*
 * fuzz_image.c - libFuzzer target for the file image reader of
 * libc-overlay (__wasi_vfs_image_mount and the lazy fills it installs;
 * format: libc-overlay/IMAGE.md), built natively with the vfs core
 * (VFS_DEBUG invariants on every call) and the address and
 * undefined-behaviour sanitizers.
 *
 * Each input is an image (its size field is set to the input's length, as
 * the module's data always holds the whole image; shorter inputs are
 * padded to the 32-byte header). It is mounted over a filesystem that
 * already holds /tmp and /dev-like entries, then walked: every directory
 * listed, every entry stat'ed, every file read to its end, every symlink
 * read, the first files written in the middle (copy on write), a few
 * entries renamed and removed. Checked:
 *  - no crash, leak, hang or sanitizer report, whatever the bytes (a
 *    table that loops back on itself is walked to a bounded depth);
 *  - the image's bytes are never written (compared with a copy);
 *  - a byte written into an image file reads back, the rest of the file
 *    still reads as the image has it;
 *  - the filesystem is consistent afterwards (vfs_check).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_streams.h"

#define MAX_DEPTH 6
#define MAX_VISITS 2000
#define MAX_WRITES 8

static void must(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_image: %s\n", what);
        abort();
    }
}

struct names {
    char (*name)[VFS_NAME_MAX + 1];
    size_t n, cap;
};

static int collect(void *ctx, const struct vfs_dirent *e)
{
    struct names *l = ctx;
    if (e->namelen <= 2 && e->name[0] == '.' &&
        (e->namelen == 1 || e->name[1] == '.'))
        return 0;
    must(e->namelen >= 1 && e->namelen <= VFS_NAME_MAX, "entry name length");
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->name = realloc(l->name, l->cap * sizeof *l->name);
        must(l->name != NULL, "out of memory");
    }
    memcpy(l->name[l->n], e->name, e->namelen);
    l->name[l->n++][e->namelen] = 0;
    return 0;
}

struct walk {
    struct vfs *fs;
    int visits, writes;
};

static void visit_file(struct walk *w, const char *path, const struct vfs_stat *st)
{
    char buf[4096];
    ssize_t n;
    int64_t total = 0;
    int fd = vfs_openat(w->fs, VFS_AT_ROOT, path, VFS_O_RDONLY, 0);

    if (fd < 0)
        return;
    while ((n = vfs_read(w->fs, fd, buf, sizeof buf)) > 0)
        total += n;
    must(n == 0, "read of an image file failed");
    must(total == st->size, "a file read to its end gives st_size bytes");
    vfs_close(w->fs, fd);

    if (w->writes >= MAX_WRITES || st->size == 0)
        return;
    w->writes++;
    fd = vfs_openat(w->fs, VFS_AT_ROOT, path, VFS_O_RDWR, 0);
    if (fd < 0)
        return;
    {
        int64_t at = st->size / 2;
        unsigned char before[2], after[2], x;
        int k = at + 1 < st->size ? 2 : 1;
        must(vfs_pread(w->fs, fd, before, k, at) == k, "pread before");
        x = (unsigned char)~before[0];
        if (vfs_pwrite(w->fs, fd, &x, 1, at) == 1) {
            must(vfs_pread(w->fs, fd, after, k, at) == k, "pread after");
            must(after[0] == x, "a written byte reads back");
            must(k == 1 || after[1] == before[1], "its neighbour is kept");
        }
    }
    vfs_close(w->fs, fd);
}

static void walk(struct walk *w, const char *dir, int depth)
{
    struct names l = {0};
    size_t i;
    int fd;

    if (depth > MAX_DEPTH || w->visits >= MAX_VISITS)
        return;
    fd = vfs_openat(w->fs, VFS_AT_ROOT, dir, VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    if (fd < 0)
        return; /* a damaged table: the lookup fails (-EIO) */
    vfs_readdir(w->fs, fd, 0, collect, &l);
    vfs_close(w->fs, fd);
    for (i = 0; i < l.n && w->visits < MAX_VISITS; i++) {
        char path[VFS_PATH_MAX];
        struct vfs_stat st;
        int len = snprintf(path, sizeof path, "%s/%s",
                           strcmp(dir, "/") ? dir : "", l.name[i]);
        w->visits++;
        if (len < 0 || (size_t)len >= sizeof path ||
            vfs_fstatat(w->fs, VFS_AT_ROOT, path, &st, VFS_AT_SYMLINK_NOFOLLOW))
            continue;
        switch (st.mode & VFS_S_IFMT) {
        case VFS_S_IFDIR:
            walk(w, path, depth + 1);
            break;
        case VFS_S_IFREG:
            visit_file(w, path, &st);
            break;
        case VFS_S_IFLNK: {
            char target[VFS_PATH_MAX];
            ssize_t n = vfs_readlinkat(w->fs, VFS_AT_ROOT, path, target,
                                       sizeof target);
            must(n == st.size, "readlink gives st_size bytes");
            break;
        }
        default: /* the filesystem's own devices (/dev/null) */
            break;
        }
        if (i % 3 == 1) {
            char to[VFS_PATH_MAX];
            if (snprintf(to, sizeof to, "%s.moved", path) < (int)sizeof to)
                vfs_renameat(w->fs, VFS_AT_ROOT, path, VFS_AT_ROOT, to);
        } else if (i % 3 == 2) {
            vfs_unlinkat(w->fs, VFS_AT_ROOT, path,
                         (st.mode & VFS_S_IFMT) == VFS_S_IFDIR ? VFS_AT_REMOVEDIR : 0);
        }
    }
    free(l.name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct vfs_config cfg;
    struct vfs *fs;
    struct walk w = {0};
    unsigned char *image, *copy;
    size_t n = size < 32 ? 32 : size;
    char why[128];

    if (size > UINT32_MAX)
        return 0;
    image = calloc(1, n);
    copy = malloc(n);
    must(image && copy, "out of memory");
    memcpy(image, data, size);
    image[8] = (unsigned char)n;
    image[9] = (unsigned char)(n >> 8);
    image[10] = (unsigned char)(n >> 16);
    image[11] = (unsigned char)(n >> 24);
    memcpy(copy, image, n);

    memset(&cfg, 0, sizeof cfg);
    cfg.max_bytes = 8u << 20;
    cfg.max_inodes = 4096;
    must(vfs_create(&cfg, &fs) == 0, "vfs_create");
    vfs_mkdirat(fs, VFS_AT_ROOT, "/tmp", 01777); /* the image merges */
    if (__wasi_vfs_image_mount(fs, image, why, sizeof why) == 0) {
        w.fs = fs;
        walk(&w, "/", 0);
    }
    must(vfs_check(fs, why, sizeof why) == 0, why);
    vfs_destroy(fs);
    must(memcmp(image, copy, n) == 0, "the image's bytes were written");
    free(image);
    free(copy);
    return 0;
}
