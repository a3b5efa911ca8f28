/*
 * wasi_readdir.c - fd_readdir over vfs_readdir.
 *
 * The buffer receives WASI dirents (header, then the name without NUL),
 * each entry's d_next being the vfs cookie that resumes after it. When the
 * listing goes on past the buffer, the last entry is cut off so that the
 * buffer is exactly full: wasi-libc's readdir takes a short buffer as the
 * end of the directory, and re-reads a cut entry from the cookie of the
 * entry before it. readdir() resumes from the cookie of the last entry it
 * returned, so vfs_readdir's guarantee (an entry neither added nor removed
 * during the walk is listed exactly once) holds for readdir() too. A
 * buffer or count outside memory is EFAULT.
 *
 * A removed directory lists nothing: vfs_readdir gives -ENOENT there, as
 * Linux's getdents does, and glibc's readdir takes that for the end of the
 * directory (opendir(".") in a removed current directory succeeds and
 * readdir reports the end); wasi-libc's fdopendir and readdir get the same
 * here as an empty listing. No other error of vfs_readdir is -ENOENT.
 */
#include <string.h>

#include "../internal.h"

struct fill {
    uint8_t *buf;
    size_t len, used;
};

static int emit(void *ctx, const struct vfs_dirent *e)
{
    struct fill *f = ctx;
    __wasi_dirent_t d;
    size_t room = f->len - f->used, n;

    memset(&d, 0, sizeof d);
    d.d_next = e->next;
    d.d_ino = e->ino;
    d.d_namlen = e->namelen;
    d.d_type = __wasi_vfs_filetype(e->type);
    n = room < sizeof d ? room : sizeof d;
    memcpy(f->buf + f->used, &d, n);
    f->used += n;
    room -= n;
    n = room < e->namelen ? room : e->namelen;
    memcpy(f->buf + f->used, e->name, n);
    f->used += n;
    return f->used == f->len; /* full: stop */
}

int32_t __imported_wasi_snapshot_preview1_fd_readdir(int32_t fd,
                                                     uint8_t *buf,
                                                     int32_t len,
                                                     int64_t cookie,
                                                     __wasi_size_t *used)
{
    struct vfs *fs = __wasi_vfs();
    struct fill f = {buf, (size_t)(uint32_t)len, 0};
    int r;

    if (__wasi_vfs_fault(buf, f.len) || __wasi_vfs_fault(used, sizeof *used))
        return __WASI_ERRNO_FAULT;
    if (!fs)
        return __WASI_ERRNO_NOMEM;
    r = vfs_readdir(fs, fd, (uint64_t)cookie, emit, &f);
    if (r == -ENOENT)
        r = 0;
    if (r < 0)
        return (int32_t)-r;
    *used = (__wasi_size_t)f.used;
    return 0;
}
