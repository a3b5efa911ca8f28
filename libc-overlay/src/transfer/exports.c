/*
 * exports.c - the functions a JavaScript (or any) embedder calls to put
 * files into the module's filesystem and take them out, copying bytes in
 * linear memory with no archive in between (targets/web/wasi-vfs.mjs).
 *
 * Exported functions are kept by the linker whether or not the program
 * uses them, and these need the whole filesystem: so they are in a module
 * only when its link asks (the driver's --vfs-exports, which is
 * -Wl,--undefined=__wasi_vfs_export_write_file), never by default.
 */
#include <stdlib.h>
#include <string.h>

#include "boot.h"

/*
 * The embedder's calls, exported under these names. Paths are absolute,
 * given as (pointer, length) in linear memory, not NUL-terminated. Results
 * are >= 0, or a negated WASI errno (-44 ENOENT, ...). Buffers come from
 * wasi_vfs_alloc. The functions create the filesystem when it does not
 * exist yet (mounting the file image, if any), so they may be called
 * before _start as well as after it returns or the program exits.
 */
#define EXPORT(name)                                                        \
    __attribute__((export_name("wasi_vfs_" #name))) __wasi_vfs_export_##name
/* The C names are __wasi_vfs_export_<name>: the C library takes no name
 * from the program; the exports' names are wasi_vfs_<name>. */

/* The filesystem, with the embedder's path taken into buf and its bytes
 * (mem, memlen; none when memlen is 0) checked; NULL with *e a negated
 * errno: -ENOMEM (no filesystem), the path's errors, -EINVAL (a relative
 * path), -EFAULT (the bytes are not all inside linear memory). */
static struct vfs *take(const char *path, size_t len, char buf[VFS_PATH_MAX],
                        int *e, const void *mem, size_t memlen)
{
    struct vfs *fs = __wasi_vfs();
    if (!fs)
        *e = -ENOMEM;
    else if ((*e = __wasi_vfs_cpath(path, len, buf)))
        *e = -*e;
    else if (buf[0] != '/')
        *e = -EINVAL;
    else if (__wasi_vfs_fault(mem, memlen))
        *e = -EFAULT;
    return *e ? NULL : fs;
}

/* Memory for the embedder's bytes: malloc(size), free(p). */
void *EXPORT(alloc)(size_t size)
{
    return malloc(size ? size : 1);
}

void EXPORT(free)(void *p)
{
    free(p);
}

/* Makes the file at path hold the len bytes at data (created with the
 * permission bits mode, the umask applying, or emptied first), and its
 * missing parent directories (0755). Returns 0, or -EISDIR, -ENOTDIR,
 * -ENOSPC, ...; -EFAULT, with nothing made or changed, when the data is
 * not all inside linear memory. */
int EXPORT(write_file)(const char *path, size_t plen,
                                const void *data, size_t len, uint32_t mode)
{
    char buf[VFS_PATH_MAX];
    size_t done = 0;
    int fd, e;
    struct vfs *fs = take(path, plen, buf, &e, data, len);

    if (!fs)
        return e;
    if ((e = __wasi_vfs_mkdirs(fs, buf)))
        return e;
    fd = vfs_openat(fs, VFS_AT_ROOT, buf,
                    VFS_O_WRONLY | VFS_O_CREAT | VFS_O_TRUNC, mode & 07777);
    if (fd < 0)
        return fd;
    while (done < len && !e) {
        ssize_t n = vfs_write(fs, fd, (const char *)data + done, len - done);
        if (n < 0)
            e = (int)n;
        else
            done += (size_t)n;
    }
    vfs_close(fs, fd);
    return e;
}

/* The size of the file at path (symlinks followed), or -ENOENT, -EISDIR,
 * -EFBIG (2 GiB or more: read it in pieces). */
int EXPORT(file_size)(const char *path, size_t plen)
{
    char buf[VFS_PATH_MAX];
    struct vfs_stat st;
    int e;
    struct vfs *fs = take(path, plen, buf, &e, NULL, 0);
    if (!fs || (e = vfs_fstatat(fs, VFS_AT_ROOT, buf, &st, 0)))
        return e;
    if ((st.mode & VFS_S_IFMT) == VFS_S_IFDIR)
        return -EISDIR;
    return st.size > 0x7fffffff ? -EFBIG : (int)st.size;
}

/* Copies up to len bytes of the file at path, from byte offset on, into
 * dst. Returns the count (0 at the end), or a negated errno (-EFAULT: dst
 * is not all inside linear memory). */
int EXPORT(read_file)(const char *path, size_t plen, void *dst,
                               size_t len, uint32_t offset)
{
    char buf[VFS_PATH_MAX];
    ssize_t n;
    int fd, e;
    struct vfs *fs = take(path, plen, buf, &e, dst, len);
    if (!fs)
        return e;
    fd = vfs_openat(fs, VFS_AT_ROOT, buf, VFS_O_RDONLY, 0);
    if (fd < 0)
        return fd;
    n = vfs_pread(fs, fd, dst, len > 0x7fffffff ? 0x7fffffff : len, offset);
    vfs_close(fs, fd);
    return (int)n;
}

struct listing {
    char *out;
    size_t len, need;
    int full;               /* a line did not fit: write no more */
};

static int list_one(void *ctx, const struct vfs_dirent *e)
{
    struct listing *l = ctx;
    static const char types[] = "?pc?d?b?-?l?s";
    char line[VFS_NAME_MAX + 2];
    if (e->namelen <= 2 && e->name[0] == '.' &&
        (e->namelen == 1 || e->name[1] == '.'))
        return 0;
    line[0] = types[(e->type >> 12) & 15];
    line[1] = ' ';
    memcpy(line + 2, e->name, e->namelen);
    if (!l->full && l->need + e->namelen + 3 <= l->len) {
        memcpy(l->out + l->need, line, e->namelen + 2);
        l->out[l->need + e->namelen + 2] = '\n';
    } else {
        l->full = 1;
    }
    l->need += e->namelen + 3;
    return 0;
}

/* Lists the directory at path into dst: one line per entry, "T NAME\n"
 * where T is d (directory), - (file), l (symlink), c, p, s; "." and ".."
 * left out. Returns the bytes the whole listing takes (only what fits in
 * len was written: call again with more room when it is larger), or a
 * negated errno (-EFAULT: dst is not all inside linear memory). */
int EXPORT(list)(const char *path, size_t plen, char *dst,
                          size_t len)
{
    struct listing l = {dst, len, 0, 0};
    char buf[VFS_PATH_MAX];
    int fd, e;
    struct vfs *fs = take(path, plen, buf, &e, dst, len);
    if (!fs)
        return e;
    fd = vfs_openat(fs, VFS_AT_ROOT, buf, VFS_O_RDONLY | VFS_O_DIRECTORY, 0);
    if (fd < 0)
        return fd;
    e = vfs_readdir(fs, fd, 0, list_one, &l);
    vfs_close(fs, fd);
    return e ? e : (int)l.need;
}
