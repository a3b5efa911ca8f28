/* gz: the gzip format (RFC 1952) on streams, from zlib's deflate and
 * inflate (raw, no zlib header) and crc32. No gz* file API. */
#ifndef GZ_H
#define GZ_H

#include <stddef.h>

#include <wasi_io.h>

/* Compresses everything in `in` into one gzip member on `out` (no file
 * name, time 0), at level 1..9. Returns 0, or -1 with a message in why. */
int gz_compress(wasi_io_input *in, wasi_io_output *out, int level, char *why,
                size_t whylen);

/* Decompresses the gzip members in `in` (one or more, concatenated, as
 * gzip writes them) onto `out`, checking each member's CRC-32 and length.
 * Returns 0, or -1 with a message in why ("not in gzip format", "crc
 * error", "unexpected end of input", ...). */
int gz_decompress(wasi_io_input *in, wasi_io_output *out, char *why, size_t whylen);

#endif
