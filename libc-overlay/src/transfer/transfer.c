/*
 * transfer.c - files into the filesystem when it is created: the module's
 * file image (IMAGE.md), then what the host configures through the
 * environment (STREAMS.md). Every wasm32-wasi-vfs module links it, so that
 * every module takes files from wasi-vfs-pack, wasi-run --in/--out and
 * WASI_VFS_IN/BIND/OUT; --vfs-no-transfer replaces it (no_transfer.c).
 */
#include "boot.h"

void __wasi_vfs_transfer(struct vfs *fs)
{
    __wasi_vfs_image_boot(fs);
    __wasi_vfs_streams_boot(fs);
}
