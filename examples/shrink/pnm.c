/* PNM syntax (netpbm): "P" digit, then width, height and maxval as decimal
 * numbers separated by white space, with "#" comments to the end of a line
 * allowed anywhere before the single white-space byte that ends the
 * header. Raw rasters (P5, P6) hold one byte per sample when maxval < 256,
 * else two (big-endian); plain ones (P2, P3) decimal numbers separated by
 * white space. */
#include "msg.h"
#include "pnm.h"

void pnm_reader_init(pnm_reader *r, wasi_io_input *in)
{
    r->in = in;
    r->pos = r->len = 0;
    r->error = 0;
    r->why[0] = '\0';
}

/* The next byte, or -1 at end of stream or on error (r->error < 0). */
static int next_byte(pnm_reader *r)
{
    if (r->pos == r->len) {
        if (r->error != 0)
            return -1;
        ptrdiff_t n = wasi_io_blocking_read(r->in, r->buf, sizeof r->buf);
        if (n <= 0) {
            r->error = n < 0 ? (int)n : 1; /* 1: end of stream */
            return -1;
        }
        r->pos = 0;
        r->len = (size_t)n;
    }
    return r->buf[r->pos++];
}

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
           c == '\r';
}

/* Sets r->why to the message in m, plus the stream's error when there was
 * one, and returns -1. */
static int fail(pnm_reader *r, msg *m)
{
    msg out;
    msg_str(msg_start(&out, r->why, sizeof r->why), m->buf);
    if (r->error < 0)
        msg_str(msg_str(&out, ": "), wasi_io_strerror(r->error));
    return -1;
}

static int fail_text(pnm_reader *r, const char *text)
{
    char buf[96];
    msg m;
    msg_str(msg_start(&m, buf, sizeof buf), text);
    return fail(r, &m);
}

/* Skips white space and, with `comments`, "#" comments. Returns the first
 * other byte, or -1. */
static int skip_space(pnm_reader *r, int comments)
{
    int c;
    while ((c = next_byte(r)) >= 0) {
        if (comments && c == '#') {
            while ((c = next_byte(r)) >= 0 && c != '\n' && c != '\r')
                ;
            if (c < 0)
                return -1;
        } else if (!is_space(c)) {
            return c;
        }
    }
    return -1;
}

/* Reads a decimal number starting at byte c, up to `max`. Returns 1 with
 * *value set and *after the byte after it (-1 at end of stream), 0 when c
 * is no digit, -1 when the number exceeds max. */
static int read_number(pnm_reader *r, int c, uint32_t max, uint32_t *value,
                       int *after)
{
    uint32_t v = 0;
    if (c < '0' || c > '9')
        return 0;
    for (; c >= '0' && c <= '9'; c = next_byte(r)) {
        if (v > (max - (uint32_t)(c - '0')) / 10)
            return -1;
        v = v * 10 + (uint32_t)(c - '0');
    }
    *value = v;
    *after = c;
    return 1;
}

/* One header field: the number, then white space (consumed) or a comment
 * (consumed with its end of line). */
static int header_field(pnm_reader *r, const char *name, uint32_t max,
                        uint32_t *value)
{
    char buf[96];
    msg m;
    int after;
    msg_str(msg_start(&m, buf, sizeof buf), "bad PNM header: ");
    int c = skip_space(r, 1);
    if (c < 0) {
        if (r->error < 0)
            return fail_text(r, "bad PNM header");
        return fail(r, msg_str(msg_str(msg_str(&m, "no "), name),
                               " (input ends)"));
    }
    int got = read_number(r, c, max, value, &after);
    if (got < 0 || (got > 0 && *value == 0))
        return fail(r, msg_num(msg_str(msg_str(&m, name), " is not in 1.."),
                               max));
    if (got == 0 || (after >= 0 && !is_space(after) && after != '#'))
        return fail(r, msg_str(msg_str(&m, name), " is not a number"));
    if (after < 0) {
        if (r->error < 0)
            return fail_text(r, "bad PNM header");
        return fail(r, msg_str(msg_str(&m, "input ends after the "), name));
    }
    if (after == '#') {
        while ((c = next_byte(r)) >= 0 && c != '\n' && c != '\r')
            ;
        if (c < 0)
            return fail_text(r, r->error < 0
                                    ? "bad PNM header"
                                    : "bad PNM header: input ends in a "
                                      "comment");
    }
    return 0;
}

int pnm_read_header(pnm_reader *r, pnm_header *h)
{
    int p = next_byte(r);
    int d = p == 'P' ? next_byte(r) : -1;
    if (r->error < 0)
        return fail_text(r, "bad PNM header");
    if (p < 0)
        return fail_text(r, "bad PNM header: empty input");
    if (d == '1' || d == '4' || d == '7') {
        char buf[96], magic[3] = {'P', (char)d, '\0'};
        msg m;
        msg_str(msg_start(&m, buf, sizeof buf), "bad PNM header: ");
        msg_str(msg_str(&m, magic), " is not supported (only P2, P3, P5 "
                                    "and P6)");
        return fail(r, &m);
    }
    if (d != '2' && d != '3' && d != '5' && d != '6')
        return fail_text(r, "bad PNM header: not a PNM image (no P2, P3, "
                            "P5 or P6 at the start)");
    h->format = (char)d;
    h->channels = d == '3' || d == '6' ? 3 : 1;
    /* The magic number is followed by white space or a comment. */
    int c = next_byte(r);
    if (c < 0 || (!is_space(c) && c != '#'))
        return fail_text(r, r->error < 0 ? "bad PNM header"
                                         : "bad PNM header: no white space "
                                           "after the magic number");
    if (c == '#')
        r->pos--; /* the byte just read is in the buffer */
    return header_field(r, "width", PNM_MAX_SIDE, &h->width) < 0 ||
                   header_field(r, "height", PNM_MAX_SIDE, &h->height) < 0 ||
                   header_field(r, "maxval", 65535, &h->maxval) < 0
               ? -1
               : 0;
}

/* "image data ends early (row R of H)" and the like. */
static int fail_row(pnm_reader *r, const char *a, uint32_t row,
                    const char *b, unsigned long n, const char *c)
{
    char buf[96];
    msg m;
    msg_start(&m, buf, sizeof buf);
    msg_str(msg_num(msg_str(&m, a), (unsigned long)row + 1), b);
    msg_str(msg_num(&m, n), c);
    return fail(r, &m);
}

static int ends_early(pnm_reader *r, const pnm_header *h, uint32_t row)
{
    if (r->error < 0)
        return fail_row(r, "cannot read row ", row, " of ", h->height, "");
    return fail_row(r, "image data ends early (row ", row, " of ",
                    h->height, ")");
}

static int over_maxval(pnm_reader *r, const pnm_header *h, uint32_t row)
{
    return fail_row(r, "a sample in row ", row, " is over maxval ",
                    h->maxval, "");
}

static int read_plain_row(pnm_reader *r, const pnm_header *h, uint32_t row,
                          uint16_t *samples)
{
    size_t n = (size_t)h->width * (size_t)h->channels;
    for (size_t i = 0; i < n; i++) {
        uint32_t v;
        int after;
        int c = skip_space(r, 0);
        if (c < 0)
            return ends_early(r, h, row);
        int got = read_number(r, c, 65535, &v, &after);
        if (got < 0)
            return over_maxval(r, h, row);
        if (got == 0 || (after >= 0 && !is_space(after))) {
            char buf[96];
            msg m;
            msg_start(&m, buf, sizeof buf);
            msg_str(msg_num(msg_str(&m, "a sample in row "),
                            (unsigned long)row + 1), " is not a number");
            return fail(r, &m);
        }
        if (v > h->maxval)
            return over_maxval(r, h, row);
        samples[i] = (uint16_t)v;
    }
    return 0;
}

static int read_raw_row(pnm_reader *r, const pnm_header *h, uint32_t row,
                        uint16_t *samples)
{
    size_t n = (size_t)h->width * (size_t)h->channels;
    int wide = h->maxval > 255;
    for (size_t i = 0; i < n; i++) {
        int hi = next_byte(r), lo = 0;
        if (wide && hi >= 0)
            lo = next_byte(r);
        if (hi < 0 || lo < 0)
            return ends_early(r, h, row);
        uint32_t v = wide ? (uint32_t)hi << 8 | (uint32_t)lo : (uint32_t)hi;
        if (v > h->maxval)
            return over_maxval(r, h, row);
        samples[i] = (uint16_t)v;
    }
    return 0;
}

int pnm_read_row(pnm_reader *r, const pnm_header *h, uint32_t row,
                 uint16_t *samples)
{
    return h->format == '2' || h->format == '3'
               ? read_plain_row(r, h, row, samples)
               : read_raw_row(r, h, row, samples);
}

int pnm_write_header(wasi_io_output *out, const pnm_header *h)
{
    char text[64], magic[4] = {'P', h->format, '\n', '\0'};
    msg m;
    msg_str(msg_start(&m, text, sizeof text), magic);
    msg_str(msg_num(&m, h->width), " ");
    msg_str(msg_num(&m, h->height), "\n");
    msg_str(msg_num(&m, h->maxval), "\n");
    return wasi_io_blocking_write(out, text, m.len);
}

int pnm_write_row(wasi_io_output *out, const pnm_header *h,
                  const uint16_t *samples)
{
    size_t n = (size_t)h->width * (size_t)h->channels;
    unsigned char buf[1024];
    size_t used = 0, line = 0;
    int plain = h->format == '2' || h->format == '3';
    for (size_t i = 0; i < n; i++) {
        if (used + 8 > sizeof buf) {
            int r = wasi_io_blocking_write(out, buf, used);
            if (r < 0)
                return r;
            used = 0;
        }
        uint16_t v = samples[i];
        if (!plain) {
            if (h->maxval > 255)
                buf[used++] = (unsigned char)(v >> 8);
            buf[used++] = (unsigned char)v;
            continue;
        }
        char digits[6];
        size_t nd = 0;
        do
            digits[nd++] = (char)('0' + v % 10);
        while ((v /= 10) != 0);
        if (i > 0) {
            /* Lines of at most 70 characters, as netpbm asks. */
            if (line + 1 + nd > 70) {
                buf[used++] = '\n';
                line = 0;
            } else {
                buf[used++] = ' ';
                line++;
            }
        }
        line += nd;
        while (nd > 0)
            buf[used++] = (unsigned char)digits[--nd];
    }
    if (plain)
        buf[used++] = '\n';
    return wasi_io_blocking_write(out, buf, used);
}
