/* wasm32-wasi-io: wasi-libc's <ftw.h>; walking a file tree with nftw is
 * unavailable (see __wasi_io_no_names.h). wasi-libc has no ftw at all. */
#include_next <ftw.h>

#ifndef __WASI_IO_FTW_H
#define __WASI_IO_FTW_H
#include <__wasi_io_no_names.h>
#ifdef __cplusplus
extern "C" {
#endif

int nftw(const char *,
         int (*)(const char *, const struct stat *, int, struct FTW *), int,
         int) __WASI_IO_NAMES;

#ifdef __cplusplus
}
#endif
#endif
