/*
 * sbrk.c - wasi-libc's sbrk, with one difference for a file image added
 * after linking (IMAGE.md), which sits at the end of the initial memory:
 * while it ends the memory, sbrk(0) answers with the image's start, so the
 * allocator's first region (everything from __heap_base up to sbrk(0))
 * stops below it. Growing is memory.grow, above everything, as before;
 * the allocator takes a region that does not continue the last one as a
 * new segment.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "boot.h"

#define PAGE 65536

extern unsigned char __heap_base;
/* Weak: a program that never creates its filesystem has no slot. */
extern struct __wasi_vfs_image_slot __wasi_vfs_image_slot
    __attribute__((weak));

void *sbrk(intptr_t increment)
{
    uintptr_t end = __builtin_wasm_memory_size(0) * PAGE, at;

    if (increment == 0) {
        if (&__wasi_vfs_image_slot &&
            (at = (uintptr_t)__wasi_vfs_image_slot.image) >=
                (uintptr_t)&__heap_base &&
            at < end && end - at >= 32) {
            uintptr_t size = ((const uint32_t *)at)[2];
            if (size <= end - at && end - at - size < PAGE)
                return (void *)at;
        }
        return (void *)end;
    }
    if (increment < 0 || increment % PAGE)
        abort();
    at = __builtin_wasm_memory_grow(0, (uintptr_t)increment / PAGE);
    if (at == SIZE_MAX) {
        errno = ENOMEM;
        return (void *)-1;
    }
    return (void *)(at * PAGE);
}
