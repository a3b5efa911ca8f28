/* The box filter, streaming: one band of `factor` input rows at a time is
 * summed into one output row. */
#include <stdlib.h>

#include "msg.h"
#include "pnm.h"
#include "shrink.h"

uint32_t shrink_parse_factor(const char *text)
{
    uint32_t v = 0;
    if (*text == '\0')
        return 0;
    for (; *text != '\0'; text++) {
        if (*text < '0' || *text > '9' || v > 6553)
            return 0;
        v = v * 10 + (uint32_t)(*text - '0');
    }
    return v <= 65535 ? v : 0;
}

static int output_error(char *why, size_t whylen, int code)
{
    msg m;
    msg_str(msg_str(msg_start(&m, why, whylen), "output: "),
            wasi_io_strerror(code));
    return -1;
}

int shrink_image(wasi_io_input *in, wasi_io_output *out, uint32_t factor, char *why,
                 size_t whylen)
{
    static pnm_reader reader;
    pnm_header h, o;
    uint16_t *row = NULL, *orow = NULL;
    uint64_t *sums = NULL;
    int status = -1, r;

    pnm_reader_init(&reader, in);
    msg m;
    if (pnm_read_header(&reader, &h) < 0) {
        msg_str(msg_start(&m, why, whylen), reader.why);
        return -1;
    }
    o = h;
    o.width = (h.width - 1) / factor + 1;
    o.height = (h.height - 1) / factor + 1;
    size_t ch = (size_t)h.channels;
    row = malloc((size_t)h.width * ch * sizeof *row);
    orow = malloc((size_t)o.width * ch * sizeof *orow);
    sums = malloc((size_t)o.width * ch * sizeof *sums);
    if (row == NULL || orow == NULL || sums == NULL) {
        msg_str(msg_start(&m, why, whylen), "out of memory (image ");
        msg_str(msg_num(msg_str(msg_num(&m, h.width), "x"), h.height), ")");
        goto out;
    }
    if ((r = pnm_write_header(out, &o)) < 0) {
        output_error(why, whylen, r);
        goto out;
    }
    for (uint32_t band = 0; band < o.height; band++) {
        uint32_t y0 = band * factor;
        uint32_t rows = h.height - y0 < factor ? h.height - y0 : factor;
        for (size_t i = 0; i < (size_t)o.width * ch; i++)
            sums[i] = 0;
        for (uint32_t y = y0; y < y0 + rows; y++) {
            if (pnm_read_row(&reader, &h, y, row) < 0) {
                msg_str(msg_start(&m, why, whylen), reader.why);
                goto out;
            }
            for (uint32_t x = 0; x < h.width; x++)
                for (size_t c = 0; c < ch; c++)
                    sums[(x / factor) * ch + c] += row[x * ch + c];
        }
        for (uint32_t j = 0; j < o.width; j++) {
            uint32_t x0 = j * factor;
            uint64_t cols = h.width - x0 < factor ? h.width - x0 : factor;
            uint64_t count = cols * rows;
            for (size_t c = 0; c < ch; c++)
                orow[j * ch + c] =
                    (uint16_t)((sums[j * ch + c] + count / 2) / count);
        }
        if ((r = pnm_write_row(out, &o, orow)) < 0) {
            output_error(why, whylen, r);
            goto out;
        }
    }
    if ((r = wasi_io_blocking_flush(out)) < 0) {
        output_error(why, whylen, r);
        goto out;
    }
    status = 0;
out:
    free(row);
    free(orow);
    free(sums);
    return status;
}
