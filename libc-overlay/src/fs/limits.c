/*
 * limits.c - the module's filesystem limits when its link set none: the
 * vfs core's defaults (vfs/LIMITS.md) and WASI_VFS_DEFAULT_OPEN_MAX
 * descriptors.
 *
 * The driver's --vfs-max-open-files, --vfs-max-bytes and --vfs-max-inodes
 * options (targets/tools/wasi-vfs-pack.mjs) link a definition of
 * __wasi_vfs_config of their own instead, so this archive member is left
 * out: a module pays nothing for limits being configurable. That
 * definition is generated C with the field layout asserted below.
 */
#include <stddef.h>

#include "../internal.h"

_Static_assert(offsetof(struct vfs_config, max_bytes) == 0 &&
                   offsetof(struct vfs_config, max_inodes) == 8 &&
                   offsetof(struct vfs_config, max_open_files) == 12 &&
                   offsetof(struct vfs_config, now) == 16 &&
                   offsetof(struct vfs_config, now_ctx) == 20 &&
                   offsetof(struct vfs_config, realloc) == 24 &&
                   offsetof(struct vfs_config, alloc_ctx) == 28 &&
                   sizeof(struct vfs_config) == 32,
               "wasi-vfs-pack.mjs's limitsSource() writes this layout");

const struct vfs_config __wasi_vfs_config = {
    .max_open_files = WASI_VFS_DEFAULT_OPEN_MAX + 1, /* + the current dir */
    .now = __wasi_vfs_now,
};
