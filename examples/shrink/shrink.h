/* shrink: downscales a PNM image by an integer factor with a box filter. */
#ifndef SHRINK_H
#define SHRINK_H

#include <stddef.h>
#include <stdint.h>

#include <wasi_io.h>

/* Reads a P2, P3, P5 or P6 image from in and writes it to out in the same
 * format and maxval, factor times smaller in each direction (rounded up):
 * each output sample is the rounded mean of the factor x factor block of
 * input samples it covers (fewer at the right and bottom edges). Reads and
 * writes row by row. Returns 0, or -1 with a message in why (whylen bytes,
 * e.g. "bad PNM header: maxval is not in 1..65535"). */
int shrink_image(wasi_io_input *in, wasi_io_output *out, uint32_t factor, char *why,
                 size_t whylen);

/* Parses a factor argument: 1 .. 65535. Returns it, or 0 when bad. */
uint32_t shrink_parse_factor(const char *text);

#endif
