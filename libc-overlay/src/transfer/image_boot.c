/*
 * image_boot.c - the module's file image (IMAGE.md): the slot through which
 * the link (--vfs-embed) or wasi-vfs-pack (after linking) says where the
 * image is, and its mount when the filesystem is created (transfer.c). A
 * module linked with --vfs-no-transfer has no slot, and wasi-vfs-pack
 * says it cannot take files.
 */
#include "boot.h"

extern const unsigned char __wasi_vfs_image[] __attribute__((weak));

struct __wasi_vfs_image_slot __wasi_vfs_image_slot = {
    "\x7fwasi-vfs-at",
    __wasi_vfs_image,
};

/* The slot's address, for wasi-vfs-pack (the linker relocates it). */
__asm__(".section \".custom_section.wasi-vfs-image\",\"\",@\n"
        ".int32 __wasi_vfs_image_slot\n"
        ".text\n");

void __wasi_vfs_image_boot(struct vfs *fs)
{
    const unsigned char *image = __wasi_vfs_image_slot.image;
    char why[64];

    if (image && __wasi_vfs_image_mount(fs, image, why, sizeof why) < 0)
        __wasi_vfs_say("file image: ", why, NULL, NULL, NULL);
}
