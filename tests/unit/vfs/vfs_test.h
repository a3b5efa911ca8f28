/* vfs_test.h - shared helpers for the vfs unit tests. */
#ifndef VFS_TEST_H
#define VFS_TEST_H

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../support/check_main.h"
#include "vfs.h"

/* A clock that advances one second per reading. */
static inline int64_t test_clock(void *ctx)
{
    int64_t *t = ctx;
    return *t += 1000000000;
}

/* An allocator that fails the fail_at-th allocation or growth (1-based;
 * 0 never fails) and counts live blocks. */
struct test_alloc {
    long calls;
    long fail_at;
    long live;
};

static inline void *test_realloc(void *ctx, void *ptr, size_t size)
{
    struct test_alloc *a = ctx;
    void *p;
    if (!size) {
        if (ptr)
            a->live--;
        free(ptr);
        return NULL;
    }
    if (++a->calls == a->fail_at)
        return NULL;
    p = realloc(ptr, size);
    if (p && !ptr)
        a->live++;
    return p;
}

static int64_t test_time;

static inline struct vfs *mkfs_cfg(struct vfs_config *cfg)
{
    struct vfs *fs = NULL;
    cfg->now = test_clock;
    cfg->now_ctx = &test_time;
    ck_assert_int_eq(vfs_create(cfg, &fs), 0);
    ck_assert_ptr_nonnull(fs);
    return fs;
}

static inline struct vfs *mkfs(void)
{
    struct vfs_config cfg;
    memset(&cfg, 0, sizeof cfg);
    return mkfs_cfg(&cfg);
}

#define CHECK_FS(fs)                                                        \
    do {                                                                    \
        char why_[256] = "";                                                \
        int rc_ = vfs_check((fs), why_, sizeof why_);                       \
        ck_assert_msg(rc_ == 0, "vfs_check: %s", why_);                     \
    } while (0)

/* Creates path with the given contents; returns 0. */
static inline void put_file(struct vfs *fs, const char *path, const char *data)
{
    int fd = vfs_openat(fs, VFS_AT_ROOT, path,
                        VFS_O_WRONLY | VFS_O_CREAT | VFS_O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    EQ(vfs_write(fs, fd, data, strlen(data)), strlen(data));
    EQ(vfs_close(fs, fd), 0);
    CHECK_FS(fs);
}

/* Reads the whole file at path into buf (NUL-terminated). */
static inline long get_file(struct vfs *fs, const char *path, char *buf,
                     size_t size)
{
    int fd = vfs_openat(fs, VFS_AT_ROOT, path, VFS_O_RDONLY, 0);
    ssize_t n;
    if (fd < 0)
        return fd;
    n = vfs_read(fs, fd, buf, size - 1);
    ck_assert_int_ge(n, 0);
    buf[n] = 0;
    EQ(vfs_close(fs, fd), 0);
    return (long)n;
}

static inline struct vfs_stat st_of(struct vfs *fs, const char *path, int flags)
{
    struct vfs_stat st;
    EQ(vfs_fstatat(fs, VFS_AT_ROOT, path, &st, flags), 0);
    return st;
}

#define ADD(tc, fn) tcase_add_test(tc, fn)

#endif
