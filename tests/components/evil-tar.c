/*
 * evil-tar.c - a hostile guest for wasi-run-component --out: before it
 * uses any file, it writes to its stdout (the stream the runner takes the
 * export from) a well-formed ustar archive whose one file is named
 * "../escaped", which would land beside the host folder. The runner must
 * refuse the whole archive and write nothing (files-test.sh).
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
    static unsigned char block[3 * 512 + 1024];
    unsigned char *h = block;
    unsigned sum = 0;
    size_t i;

    strcpy((char *)h, "../escaped");
    memcpy(h + 100, "0000644", 8);   /* mode */
    memcpy(h + 108, "0000000", 8);   /* uid */
    memcpy(h + 116, "0000000", 8);   /* gid */
    memcpy(h + 124, "00000000006", 12); /* size: 6 */
    memcpy(h + 136, "00000000000", 12); /* mtime */
    h[156] = '0';
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    memset(h + 148, ' ', 8);
    for (i = 0; i < 512; i++)
        sum += h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);
    memcpy(block + 512, "owned\n", 6);
    /* then two blocks of zeros: the end of the archive */
    return fwrite(block, 1, sizeof block, stdout) == sizeof block ? 0 : 1;
}
