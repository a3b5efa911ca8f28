/* gzip members: a 10-byte header (plus optional fields), raw deflate data,
 * and an 8-byte trailer: CRC-32 and length mod 2^32, little-endian. */
#include <string.h>

#include <zlib.h>

#include "gz.h"

#define CHUNK 16384

/* Header flags (RFC 1952 2.3.1). */
#define FHCRC 0x02
#define FEXTRA 0x04
#define FNAME 0x08
#define FCOMMENT 0x10
#define FRESERVED 0xe0

static unsigned char inbuf[CHUNK], outbuf[CHUNK];

static void set_why(char *why, size_t whylen, const char *a, const char *b)
{
    size_t n = 0;
    for (; *a != '\0' && n + 1 < whylen; a++)
        why[n++] = *a;
    for (; b != NULL && *b != '\0' && n + 1 < whylen; b++)
        why[n++] = *b;
    why[n] = '\0';
}

static int stream_error(char *why, size_t whylen, const char *side, int code)
{
    set_why(why, whylen, side, wasi_io_strerror(code));
    return -1;
}

static void put_le32(unsigned char *p, unsigned long v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static unsigned long get_le32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
           (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

int gz_compress(wasi_io_input *in, wasi_io_output *out, int level, char *why,
                size_t whylen)
{
    z_stream z;
    unsigned long crc = crc32(0L, Z_NULL, 0), size = 0;
    unsigned char head[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255};
    int r, flush = Z_NO_FLUSH;

    head[8] = level == 9 ? 2 : level == 1 ? 4 : 0; /* XFL, as gzip sets */
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        set_why(why, whylen, "cannot start deflate: ", z.msg);
        return -1;
    }
    if ((r = wasi_io_blocking_write(out, head, sizeof head)) < 0)
        goto output_failed;
    do {
        ptrdiff_t n = wasi_io_blocking_read(in, inbuf, sizeof inbuf);
        if (n < 0) {
            deflateEnd(&z);
            return stream_error(why, whylen, "input: ", (int)n);
        }
        crc = crc32(crc, inbuf, (uInt)n);
        size += (unsigned long)n;
        flush = n == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = inbuf;
        z.avail_in = (uInt)n;
        do {
            z.next_out = outbuf;
            z.avail_out = sizeof outbuf;
            deflate(&z, flush); /* no error is possible here */
            size_t have = sizeof outbuf - z.avail_out;
            if ((r = wasi_io_blocking_write(out, outbuf, have)) < 0)
                goto output_failed;
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);

    unsigned char tail[8];
    put_le32(tail, crc);
    put_le32(tail + 4, size & 0xffffffffUL);
    if ((r = wasi_io_blocking_write_and_flush(out, tail, sizeof tail)) < 0)
        return stream_error(why, whylen, "output: ", r);
    return 0;

output_failed:
    deflateEnd(&z);
    return stream_error(why, whylen, "output: ", r);
}

/* ------------------------------------------------------------------------- */

/* The compressed input, buffered: zlib reads straight from inbuf. */
typedef struct source {
    wasi_io_input *in;
    z_stream *z;   /* z->next_in / avail_in: the unread bytes of inbuf */
    int error;     /* the stream's error code, once one happened */
} source;

/* Makes sure some input is buffered. Returns 1, 0 at end of stream, or -1
 * on a stream error (src->error). */
static int fill(source *src)
{
    if (src->z->avail_in > 0)
        return 1;
    ptrdiff_t n = wasi_io_blocking_read(src->in, inbuf, sizeof inbuf);
    if (n < 0) {
        src->error = (int)n;
        return -1;
    }
    src->z->next_in = inbuf;
    src->z->avail_in = (uInt)n;
    return n > 0;
}

/* The next input byte, or -1 at the end (or on error). */
static int next_byte(source *src)
{
    if (fill(src) <= 0)
        return -1;
    src->z->avail_in--;
    return *src->z->next_in++;
}

static int read_bytes(source *src, unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int c = next_byte(src);
        if (c < 0)
            return -1;
        p[i] = (unsigned char)c;
    }
    return 0;
}

static int truncated(source *src, char *why, size_t whylen)
{
    if (src->error < 0)
        return stream_error(why, whylen, "input: ", src->error);
    set_why(why, whylen, "unexpected end of input", NULL);
    return -1;
}

/* Reads a member header after its first byte (0x1f). */
static int read_header(source *src, char *why, size_t whylen)
{
    unsigned char h[9];
    if (read_bytes(src, h, sizeof h) < 0)
        return truncated(src, why, whylen);
    if (h[0] != 0x8b) {
        set_why(why, whylen, "not in gzip format", NULL);
        return -1;
    }
    if (h[1] != 8) {
        set_why(why, whylen, "unknown compression method", NULL);
        return -1;
    }
    if (h[2] & FRESERVED) {
        set_why(why, whylen, "reserved header flags are set", NULL);
        return -1;
    }
    if (h[2] & FEXTRA) {
        unsigned char len[2];
        if (read_bytes(src, len, 2) < 0)
            return truncated(src, why, whylen);
        for (unsigned n = len[0] | (unsigned)len[1] << 8; n > 0; n--)
            if (next_byte(src) < 0)
                return truncated(src, why, whylen);
    }
    for (int field = FNAME; field <= FCOMMENT; field <<= 1) {
        if (!(h[2] & field))
            continue;
        int c;
        while ((c = next_byte(src)) > 0)
            ;
        if (c < 0)
            return truncated(src, why, whylen);
    }
    if ((h[2] & FHCRC) && (next_byte(src) < 0 || next_byte(src) < 0))
        return truncated(src, why, whylen);
    return 0;
}

/* Inflates one member's data and checks its trailer. */
static int inflate_member(source *src, wasi_io_output *out, char *why,
                          size_t whylen)
{
    z_stream *z = src->z;
    unsigned long crc = crc32(0L, Z_NULL, 0), size = 0;
    int r;
    if (inflateReset(z) != Z_OK) {
        set_why(why, whylen, "cannot restart inflate", NULL);
        return -1;
    }
    do {
        int got = fill(src);
        if (got < 0)
            return truncated(src, why, whylen);
        if (got == 0) {
            set_why(why, whylen, "unexpected end of input", NULL);
            return -1;
        }
        do {
            z->next_out = outbuf;
            z->avail_out = sizeof outbuf;
            r = inflate(z, Z_NO_FLUSH);
            if (r == Z_DATA_ERROR || r == Z_NEED_DICT) {
                set_why(why, whylen, "invalid compressed data: ",
                        z->msg != NULL ? z->msg : "format violated");
                return -1;
            }
            if (r == Z_MEM_ERROR) {
                set_why(why, whylen, "out of memory", NULL);
                return -1;
            }
            size_t have = sizeof outbuf - z->avail_out;
            crc = crc32(crc, outbuf, (uInt)have);
            size += (unsigned long)have;
            int w = wasi_io_blocking_write(out, outbuf, have);
            if (w < 0)
                return stream_error(why, whylen, "output: ", w);
        } while (z->avail_out == 0 && r != Z_STREAM_END);
    } while (r != Z_STREAM_END);

    unsigned char tail[8];
    if (read_bytes(src, tail, sizeof tail) < 0)
        return truncated(src, why, whylen);
    if (get_le32(tail) != (crc & 0xffffffffUL)) {
        set_why(why, whylen, "crc error", NULL);
        return -1;
    }
    if (get_le32(tail + 4) != (size & 0xffffffffUL)) {
        set_why(why, whylen, "length error", NULL);
        return -1;
    }
    return 0;
}

int gz_decompress(wasi_io_input *in, wasi_io_output *out, char *why, size_t whylen)
{
    z_stream z;
    source src = {in, &z, 0};
    int status = -1, members = 0;

    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK) {
        set_why(why, whylen, "cannot start inflate: ", z.msg);
        return -1;
    }
    for (;;) {
        int c = next_byte(&src);
        if (c < 0) {
            if (src.error < 0) {
                stream_error(why, whylen, "input: ", src.error);
                break;
            }
            if (members == 0) {
                set_why(why, whylen, "not in gzip format (empty input)", NULL);
                break;
            }
            int r = wasi_io_blocking_flush(out);
            status = r < 0 ? stream_error(why, whylen, "output: ", r) : 0;
            break;
        }
        if (c != 0x1f) {
            set_why(why, whylen,
                    members == 0 ? "not in gzip format"
                                 : "trailing garbage after gzip data",
                    NULL);
            break;
        }
        if (read_header(&src, why, whylen) < 0 ||
            inflate_member(&src, out, why, whylen) < 0)
            break;
        members++;
    }
    inflateEnd(&z);
    return status;
}
