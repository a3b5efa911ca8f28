/* The counting, exact for any bytes. GNU wc in the C locale: a word is a
 * maximal run of bytes that are not white space (\t \n \v \f \r and space)
 * and contains at least one printable byte (0x21 to 0x7e); other bytes
 * (controls, NUL, 0x7f, 0x80 and up) neither start nor end a word. */
#include "wc.h"

/* What a byte does to the word count. */
enum { NEUTRAL, SPACE, PRINT };

static unsigned char byte_class(unsigned char b)
{
    if (b == ' ' || (b >= '\t' && b <= '\r'))
        return SPACE;
    return b > ' ' && b < 0x7f ? PRINT : NEUTRAL;
}

int wc_count(wasi_io_input *in, wc_counts *c)
{
    static unsigned char buf[16384];
    int in_word = 0;
    for (;;) {
        ptrdiff_t n = wasi_io_blocking_read(in, buf, sizeof buf);
        if (n <= 0)
            return (int)n;
        c->bytes += (uint64_t)n;
        for (ptrdiff_t i = 0; i < n; i++) {
            switch (byte_class(buf[i])) {
            case SPACE:
                c->lines += buf[i] == '\n';
                in_word = 0;
                break;
            case PRINT:
                c->words += !in_word;
                in_word = 1;
                break;
            default:
                break;
            }
        }
    }
}

/* Writes v in decimal at p; returns the number of digits. */
static int put_u64(char *p, uint64_t v)
{
    char tmp[20];
    int n = 0;
    do
        tmp[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (int i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    return n;
}

int wc_format(char *buf, const wc_counts *c)
{
    int n = put_u64(buf, c->lines);
    buf[n++] = ' ';
    n += put_u64(buf + n, c->words);
    buf[n++] = ' ';
    n += put_u64(buf + n, c->bytes);
    buf[n] = '\0';
    return n;
}
