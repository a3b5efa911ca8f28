/*
 * sbrk.c - wasi-libc's sbrk, with two differences.
 *
 * A file image added after linking (IMAGE.md) sits at the end of the
 * initial memory: while it ends the memory, sbrk(0) answers with the
 * image's start, so the allocator's first region (everything from
 * __heap_base up to sbrk(0)) stops below it. Growing happens above
 * everything; the allocator takes a region that does not continue the
 * last one as a new segment.
 *
 * Memory grows by a quarter of what sbrk has grown it by so far at least
 * (not of the memory's size, which a file image or large static data
 * would make large: the first growth is then as small as asked), and sbrk
 * hands the pages out from that reserve until it is used up: an engine's
 * memory.grow can cost far more than the pages it adds (Node 20: about
 * 0.5 ms a call once the memory passes 64 MiB, for a 64 KiB page or for
 * 64 MiB), and the allocator asks for 64 KiB at a time, so a program that
 * fills its filesystem with 256 MiB would otherwise make 4096 of them.
 * Pages of the reserve nobody touched cost no physical memory. The
 * reserve is dropped if anything else grew the memory meanwhile (its
 * pages are then that code's).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../transfer/boot.h"

#define PAGE 65536

extern unsigned char __heap_base;
/* Weak: a program that never creates its filesystem has no slot. */
extern struct __wasi_vfs_image_slot __wasi_vfs_image_slot
    __attribute__((weak));

/* The break of the memory handed out by growing ([top, lim) is the
 * reserve), and the memory's end when it last grew here; 0: not yet. */
static uintptr_t top, lim;
static uintptr_t grown; /* bytes sbrk has added to the memory */

void *sbrk(intptr_t increment)
{
    uintptr_t end = __builtin_wasm_memory_size(0) * PAGE, at, want, more;

    if (increment == 0) {
        if (top && end == lim) /* the break, below the reserve */
            return (void *)top;
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
    /* memory cannot shrink, and grows by whole pages: an error (wasi-libc
     * aborts), though the allocator never asks for either */
    if (increment < 0 || increment % PAGE) {
        errno = EINVAL;
        return (void *)-1;
    }
    if (end != lim) /* first growth, or the memory grew elsewhere */
        top = lim = end;
    if ((uintptr_t)increment > lim - top) {
        want = ((uintptr_t)increment - (lim - top)) / PAGE;
        more = grown / PAGE / 4 > want ? grown / PAGE / 4 : want;
        if (__builtin_wasm_memory_grow(0, more) == SIZE_MAX &&
            __builtin_wasm_memory_grow(0, more = want) == SIZE_MAX) {
            errno = ENOMEM;
            return (void *)-1;
        }
        lim = end + more * PAGE;
        grown += more * PAGE;
    }
    at = top;
    top += (uintptr_t)increment;
    return (void *)at;
}
