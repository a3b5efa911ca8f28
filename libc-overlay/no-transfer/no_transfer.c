/*
 * no_transfer.c - libwasi-vfs-no-transfer.a, the driver's --vfs-no-transfer
 * (-lwasi-vfs-no-transfer): an empty __wasi_vfs_transfer that the linker
 * takes before libc.a's (transfer.c), so that the module carries no file
 * image slot, no environment configuration and no tar reader or writer;
 * wasi-vfs-pack and wasi-run --in/--out refuse it. Not part of libc.a.
 */
#include "../src/transfer/boot.h"

void __wasi_vfs_transfer(struct vfs *fs)
{
    (void)fs;
}
