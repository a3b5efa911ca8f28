/* wc: counts lines, words and bytes of a stream, as `LC_ALL=C wc` does. */
#ifndef WC_H
#define WC_H

#include <stdint.h>

#include <wasi_io.h>

typedef struct wc_counts {
    uint64_t lines; /* newline bytes */
    uint64_t words; /* runs of printable non-space bytes, see wc.c */
    uint64_t bytes;
} wc_counts;

/* Reads `in` to its end and adds its counts to *c (a word never spans two
 * streams). Returns 0, or the stream's negative error code. */
int wc_count(wasi_io_input *in, wc_counts *c);

/* Writes "LINES WORDS BYTES" (single spaces, no newline) into buf, which
 * holds at least WC_TEXT_MAX bytes, NUL-terminated. Returns its length. */
#define WC_TEXT_MAX 64
int wc_format(char *buf, const wc_counts *c);

#endif
