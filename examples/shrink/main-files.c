/* shrink the classic way: file names on the command line (wasm32-wasi,
 * wasm32-wasi-vfs, native).
 *   shrink [-f FACTOR] IN.pnm OUT.pnm      ("-": standard input / output) */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "shrink.h"

int main(int argc, char **argv)
{
    uint32_t factor = 2;
    char why[160];
    int a = 1;
    if (argc > 2 && strcmp(argv[1], "-f") == 0) {
        if ((factor = shrink_parse_factor(argv[2])) == 0) {
            fprintf(stderr, "shrink: bad factor %s\n", argv[2]);
            return 1;
        }
        a = 3;
    }
    if (argc - a != 2) {
        fprintf(stderr, "usage: shrink [-f FACTOR] IN.pnm OUT.pnm\n");
        return 1;
    }
    const char *iname = argv[a], *oname = argv[a + 1];
    FILE *fi = strcmp(iname, "-") == 0 ? stdin : fopen(iname, "rb");
    if (fi == NULL) {
        fprintf(stderr, "shrink: %s: %s\n", iname, strerror(errno));
        return 1;
    }
    FILE *fo = strcmp(oname, "-") == 0 ? stdout : fopen(oname, "wb");
    if (fo == NULL) {
        fprintf(stderr, "shrink: %s: %s\n", oname, strerror(errno));
        return 1;
    }
    wasi_io_input *in = wasi_io_input_from_file(fi);
    wasi_io_output *out = wasi_io_output_to_file(fo);
    int status = 0;
    if (in == NULL || out == NULL) {
        fprintf(stderr, "shrink: out of memory\n");
        status = 1;
    } else if (shrink_image(in, out, factor, why, sizeof why) < 0) {
        fprintf(stderr, "shrink: %s\n", why);
        status = 1;
    }
    wasi_io_input_close(in);
    wasi_io_output_close(out);
    if (fo != stdout && fclose(fo) != 0 && status == 0) {
        fprintf(stderr, "shrink: %s: %s\n", oname, strerror(errno));
        status = 1;
    }
    return status;
}
