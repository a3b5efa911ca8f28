/* gzip the classic way: file names on the command line (wasm32-wasi,
 * wasm32-wasi-vfs, native).
 *   gzip-files [-d] [-1 ... -9] [IN [OUT]]   ("-" or absent: standard
 *                                             input / output) */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gz.h"

int main(int argc, char **argv)
{
    int decompress = 0, level = 6, a = 1;
    char why[160];
    for (; a < argc && argv[a][0] == '-' && argv[a][1] != '\0'; a++) {
        if (strcmp(argv[a], "-d") == 0)
            decompress = 1;
        else if (argv[a][1] >= '1' && argv[a][1] <= '9' && argv[a][2] == '\0')
            level = argv[a][1] - '0';
        else {
            fprintf(stderr, "usage: gzip-files [-d] [-1 ... -9] [IN [OUT]]\n");
            return 1;
        }
    }
    const char *iname = a < argc ? argv[a] : "-";
    const char *oname = a + 1 < argc ? argv[a + 1] : "-";
    FILE *fi = strcmp(iname, "-") == 0 ? stdin : fopen(iname, "rb");
    if (fi == NULL) {
        fprintf(stderr, "gzip: %s: %s\n", iname, strerror(errno));
        return 1;
    }
    FILE *fo = strcmp(oname, "-") == 0 ? stdout : fopen(oname, "wb");
    if (fo == NULL) {
        fprintf(stderr, "gzip: %s: %s\n", oname, strerror(errno));
        return 1;
    }
    wasi_io_input *in = wasi_io_input_from_file(fi);
    wasi_io_output *out = wasi_io_output_to_file(fo);
    int status = 0;
    if (in == NULL || out == NULL) {
        fprintf(stderr, "gzip: out of memory\n");
        status = 1;
    } else if ((decompress
                    ? gz_decompress(in, out, why, sizeof why)
                    : gz_compress(in, out, level, why, sizeof why)) < 0) {
        fprintf(stderr, "gzip: %s\n", why);
        status = 1;
    }
    wasi_io_input_close(in);
    wasi_io_output_close(out);
    if (fclose(fo) != 0 && status == 0) {
        fprintf(stderr, "gzip: %s: %s\n", oname, strerror(errno));
        status = 1;
    }
    return status;
}
