/* testgen: deterministic inputs and an independent reference for the io
 * examples' end-to-end tests (native, C11; shares no code with them).
 *
 *   testgen bytes N SEED           N pseudo-random bytes
 *   testgen text N SEED            N bytes of text-like data: words, runs of
 *                                  white space, control and high bytes
 *   testgen pnm F W H MAXVAL SEED  a PNM image, F = 2, 3, 5 or 6 (plain
 *                                  ones with comments and ragged spacing)
 *   testgen check-shrink K IN OUT  exit 0 when OUT is IN box-filtered by
 *                                  K (format, size, maxval, every sample);
 *                                  else says where it differs, exit 1
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static uint32_t next_random(void)
{
    state = state * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(state >> 33);
}

static void gen_bytes(long n)
{
    for (long i = 0; i < n; i++)
        putchar((int)(next_random() & 0xff));
}

static void gen_text(long n)
{
    static const char pieces[][8] = {"\n", " ", "  ", "\t", "\r\n", "\v",
                                     "\f", "\0", "\x01", "\x7f", "\x80",
                                     "\xff", "\xa0"};
    long i = 0;
    while (i < n) {
        uint32_t r = next_random() % 100;
        if (r < 70) { /* a word */
            int len = 1 + (int)(next_random() % 9);
            for (int k = 0; k < len && i < n; k++, i++)
                putchar('!' + (int)(next_random() % 94));
        } else {
            const char *p = pieces[next_random() % 13];
            size_t len = p[0] == '\0' ? 1 : strlen(p);
            for (size_t k = 0; k < len && i < n; k++, i++)
                putchar((unsigned char)p[k]);
        }
    }
}

static int gen_pnm(int format, long w, long h, long maxval)
{
    int ch = format == 3 || format == 6 ? 3 : 1;
    int plain = format == 2 || format == 3;
    if (plain)
        printf("P%d\n# made by testgen\n%ld %ld # size\n%ld\n", format, w, h,
               maxval);
    else
        printf("P%d\n%ld %ld\n%ld\n", format, w, h, maxval);
    for (long y = 0; y < h; y++) {
        for (long x = 0; x < w * ch; x++) {
            long v = (long)(next_random() % (uint32_t)(maxval + 1));
            if (next_random() % 8 == 0)
                v = next_random() % 2 ? maxval : 0; /* the extremes */
            if (plain) {
                printf("%ld", v);
                uint32_t s = next_random() % 10;
                fputs(s == 0 ? "\n" : s == 1 ? "  " : s == 2 ? "\t" : " ",
                      stdout);
            } else if (maxval > 255) {
                putchar((int)(v >> 8));
                putchar((int)(v & 0xff));
            } else {
                putchar((int)v);
            }
        }
        if (plain)
            putchar('\n');
    }
    return 0;
}

/* ------------------------------------------------------------------------- */

typedef struct image {
    int format, channels;
    long w, h, maxval;
    long *samples; /* w * h * channels */
} image;

static const unsigned char *skip(const unsigned char *p,
                                 const unsigned char *end)
{
    for (;;) {
        while (p < end && strchr(" \t\n\v\f\r", *p) != NULL && *p != '\0')
            p++;
        if (p < end && *p == '#') {
            while (p < end && *p != '\n')
                p++;
            continue;
        }
        return p;
    }
}

static const unsigned char *number(const unsigned char *p,
                                   const unsigned char *end, long *v)
{
    *v = -1;
    if (p >= end || *p < '0' || *p > '9')
        return p;
    *v = 0;
    while (p < end && *p >= '0' && *p <= '9')
        *v = *v * 10 + (*p++ - '0');
    return p;
}

static int load(const char *path, image *im)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    static unsigned char *buf;
    size_t cap = 1 << 20, len = 0, n;
    buf = malloc(cap);
    while ((n = fread(buf + len, 1, cap - len, f)) > 0)
        if ((len += n) == cap)
            buf = realloc(buf, cap *= 2);
    fclose(f);
    const unsigned char *p = buf, *end = buf + len;
    if (len < 3 || p[0] != 'P') {
        fprintf(stderr, "%s: not PNM\n", path);
        return -1;
    }
    im->format = p[1] - '0';
    im->channels = im->format == 3 || im->format == 6 ? 3 : 1;
    p = number(skip(p + 2, end), end, &im->w);
    p = number(skip(p, end), end, &im->h);
    p = number(skip(p, end), end, &im->maxval);
    if (im->w <= 0 || im->h <= 0 || im->maxval <= 0 || p >= end) {
        fprintf(stderr, "%s: bad header\n", path);
        return -1;
    }
    p++; /* the single white-space byte */
    long count = im->w * im->h * im->channels;
    im->samples = malloc((size_t)count * sizeof(long));
    for (long i = 0; i < count; i++) {
        if (im->format == 2 || im->format == 3) {
            p = number(skip(p, end), end, &im->samples[i]);
        } else if (im->maxval > 255) {
            im->samples[i] = p + 1 < end ? (long)p[0] << 8 | p[1] : -1;
            p += 2;
        } else {
            im->samples[i] = p < end ? *p : -1;
            p++;
        }
        if (im->samples[i] < 0 || im->samples[i] > im->maxval) {
            fprintf(stderr, "%s: bad sample %ld\n", path, i);
            return -1;
        }
    }
    if (skip(p, end) != end) {
        fprintf(stderr, "%s: %ld bytes after the image\n", path,
                (long)(end - skip(p, end)));
        return -1;
    }
    free(buf);
    return 0;
}

static int check_shrink(long k, const char *in_path, const char *out_path)
{
    image in, out;
    if (load(in_path, &in) < 0 || load(out_path, &out) < 0)
        return 1;
    long ow = (in.w + k - 1) / k, oh = (in.h + k - 1) / k;
    if (out.format != in.format || out.w != ow || out.h != oh ||
        out.maxval != in.maxval) {
        fprintf(stderr, "header P%d %ldx%ld %ld, want P%d %ldx%ld %ld\n",
                out.format, out.w, out.h, out.maxval, in.format, ow, oh,
                in.maxval);
        return 1;
    }
    int ch = in.channels;
    for (long y = 0; y < oh; y++)
        for (long x = 0; x < ow; x++)
            for (int c = 0; c < ch; c++) {
                long sum = 0, count = 0;
                for (long yy = y * k; yy < y * k + k && yy < in.h; yy++)
                    for (long xx = x * k; xx < x * k + k && xx < in.w; xx++) {
                        sum += in.samples[(yy * in.w + xx) * ch + c];
                        count++;
                    }
                long want = (2 * sum + count) / (2 * count); /* half up */
                long got = out.samples[(y * ow + x) * ch + c];
                if (got != want) {
                    fprintf(stderr, "sample (%ld,%ld,%d): %ld, want %ld\n",
                            x, y, c, got, want);
                    return 1;
                }
            }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "bytes") == 0) {
        state = strtoull(argv[3], NULL, 10);
        gen_bytes(atol(argv[2]));
    } else if (argc == 4 && strcmp(argv[1], "text") == 0) {
        state = strtoull(argv[3], NULL, 10);
        gen_text(atol(argv[2]));
    } else if (argc == 7 && strcmp(argv[1], "pnm") == 0) {
        state = strtoull(argv[6], NULL, 10);
        return gen_pnm(atoi(argv[2]), atol(argv[3]), atol(argv[4]),
                       atol(argv[5]));
    } else if (argc == 5 && strcmp(argv[1], "check-shrink") == 0) {
        return check_shrink(atol(argv[2]), argv[3], argv[4]);
    } else {
        fprintf(stderr, "usage: see testgen.c\n");
        return 2;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
