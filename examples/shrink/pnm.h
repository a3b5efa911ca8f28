/* pnm: reading and writing netpbm grey and colour images (P2, P3, P5, P6)
 * on streams, row by row. */
#ifndef PNM_H
#define PNM_H

#include <stddef.h>
#include <stdint.h>

#include <wasi_io.h>

typedef struct pnm_header {
    char format;      /* '2', '3' (plain), '5', '6' (raw) */
    int channels;     /* 1 (P2, P5) or 3 (P3, P6) */
    uint32_t width;   /* >= 1 */
    uint32_t height;  /* >= 1 */
    uint32_t maxval;  /* 1 .. 65535 */
} pnm_header;

/* Largest width and height accepted: rows of samples must fit in memory
 * and in size_t on wasm32. */
#define PNM_MAX_SIDE (1u << 24)

/* Buffered reading of an input stream, with the position for messages. */
typedef struct pnm_reader {
    wasi_io_input *in;
    unsigned char buf[4096];
    size_t pos, len;
    int error;        /* the stream's error code, once one happened */
    char why[128];    /* what went wrong, once something did */
} pnm_reader;

void pnm_reader_init(pnm_reader *r, wasi_io_input *in);

/* Reads the header. Returns 0, or -1 with r->why set ("bad PNM header:
 * ..."). */
int pnm_read_header(pnm_reader *r, pnm_header *h);

/* Reads the next row: width * channels samples. Returns 0, or -1 with
 * r->why set (data ending early, a sample over maxval, a stream error). */
int pnm_read_row(pnm_reader *r, const pnm_header *h, uint32_t row,
                 uint16_t *samples);

/* Writes the header / a row of h->width * channels samples to out, in
 * h's format (plain rows are lines of at most 70 characters). Return 0 or
 * the stream's negative error code. */
int pnm_write_header(wasi_io_output *out, const pnm_header *h);
int pnm_write_row(wasi_io_output *out, const pnm_header *h,
                  const uint16_t *samples);

#endif
