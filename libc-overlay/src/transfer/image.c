/*
 * image.c - the file image a module carries in its data, served in place
 * (format: libc-overlay/IMAGE.md). Mounting checks the header and gives
 * "/" a pending fill; each directory table is read, checked and turned
 * into entries only when the vfs first needs that directory, so mounting
 * costs the same for an image of any size. Files borrow their bytes from
 * the image; nothing is copied until it is written.
 *
 * Portable C (no WASI): the tests mount images natively.
 */
#include <string.h>

#include "vfs_streams.h"

#define HEADER 32
#define ENTRY 32

/* The image of this process: one per module, set by the mount. */
static const unsigned char *base;
static uint32_t size;

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* Whether [off, off+len) lies inside the image. */
static int inside(uint32_t off, uint32_t len)
{
    return off <= size && len <= size - off;
}

/* Fills a directory from its table at offset ctx. A damaged table fails
 * the lookup with -EIO; names that exist already stay. */
static int fill(void *ctx, struct vfs_filler *f)
{
    uint32_t off = (uint32_t)(uintptr_t)ctx, n, i;
    struct vfs_entry e;

    if (!inside(off, 8) || (off & 7))
        return -EIO;
    n = u32(base + off);
    if (n > (size - off - 8) / ENTRY)
        return -EIO;
    for (i = 0; i < n; i++) {
        const unsigned char *p = base + off + 8 + i * ENTRY;
        uint32_t name = u32(p), namelen = u32(p + 4), data = u32(p + 12);
        int r;
        memset(&e, 0, sizeof e);
        e.mode = u32(p + 8);
        e.size = u32(p + 16);
        e.mtime = (int64_t)((uint64_t)u32(p + 24) |
                            (uint64_t)u32(p + 28) << 32);
        if (!inside(name, namelen) || !inside(data, (uint32_t)e.size))
            return -EIO;
        e.name = (const char *)base + name;
        e.namelen = namelen;
        e.data = base + data;
        if ((e.mode & VFS_S_IFMT) == VFS_S_IFDIR) {
            e.fill = fill;
            e.fill_ctx = (void *)(uintptr_t)data;
        }
        r = vfs_fill_add(f, &e);
        if (r == -EINVAL)
            return -EIO;
        if (r < 0 && r != -EEXIST)
            return r;
    }
    return 0;
}

int __wasi_vfs_image_mount(struct vfs *fs, const void *image, char *why,
                           size_t whysize)
{
    const unsigned char *p = image;
    uint32_t n = u32(p + 8), root = u32(p + 12);

    if (memcmp(p, "WASIVFS", 7) || p[7] != 1 || n < HEADER) {
        static const char bad[] = "not a version 1 file image (bad magic)";
        if (why && whysize) {
            size_t n = sizeof bad < whysize ? sizeof bad : whysize;
            memcpy(why, bad, n);
            why[n - 1] = 0;
        }
        return -EINVAL;
    }
    base = p;
    size = n;
    return vfs_lazy_dir(fs, VFS_AT_ROOT, "/", fill,
                        (void *)(uintptr_t)root);
}
