/* 01-stdio: fopen modes, line/formatted/binary I/O, positioning, ungetc,
 * end-of-file and error flags, buffering, freopen, remove/rename, fdopen
 * and fileno.  (tmpfile is in 15-tempfile, with the other temporary file
 * calls.)
 *
 * Only behaviour that glibc and musl (wasi-libc) share is checked: errno
 * is not shown for failures the stdio layer detects itself (writing to a
 * read-only stream), nor ftell right after opening in "a" mode. */
#include "conf.h"

static long long fsize(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static void modes(void)
{
    char buf[64], word[16];
    int n = 0;
    FILE *f;

    SAY("-- fopen modes");
    PTR_ERR("fopen(missing, r)", fopen("missing", "r"), ENOENT);
    PTR_ERR("fopen(missing, r+)", fopen("missing", "r+"), ENOENT);
    PTR_ERR("fopen(nodir/x, w)", fopen("nodir/x", "w"), ENOENT);

    f = PTR("fopen(f, w)", fopen("f", "w"));
    YES("fputs >= 0", fputs("hello\n", f) >= 0, 1);
    RC("fprintf", fprintf(f, "%d %s\n", 42, "forty-two"), 13);
    RC("fgetc on w stream", fgetc(f), EOF);
    YES("ferror after fgetc on w stream", ferror(f), 1);
    clearerr(f);
    YES("ferror after clearerr", ferror(f), 0);
    OK("fclose", fclose(f));
    INT("size", fsize("f"), 19);

    f = PTR("fopen(f, r)", fopen("f", "r"));
    STR("fgets", fgets(buf, sizeof buf, f), "hello\n");
    RC("fscanf", fscanf(f, "%d %15s", &n, word), 2);
    INT("fscanf int", n, 42);
    STR("fscanf word", word, "forty-two");
    RC("fgetc newline", fgetc(f), '\n');
    YES("feof before reading past end", feof(f), 0);
    RC("fgetc at end", fgetc(f), EOF);
    YES("feof", feof(f), 1);
    YES("ferror", ferror(f), 0);
    RC("fscanf at end", fscanf(f, "%d", &n), EOF);
    RC("fputc on r stream", fputc('x', f), EOF);
    YES("ferror after fputc on r stream", ferror(f), 1);
    OK("fclose", fclose(f));
    INT("size unchanged", fsize("f"), 19);

    /* "a": every write goes to the end, even after fseek */
    f = PTR("fopen(f, a)", fopen("f", "a"));
    OK("fseek(0, SEEK_SET)", fseek(f, 0, SEEK_SET));
    YES("fputs >= 0", fputs("tail\n", f) >= 0, 1);
    RC("ftell after append", ftell(f), 24);
    OK("fclose", fclose(f));
    STR("content", conf_get("f", buf, sizeof buf),
        "hello\n42 forty-two\ntail\n");

    /* "r+": no truncation, writes overwrite from the start */
    f = PTR("fopen(f, r+)", fopen("f", "r+"));
    YES("fputs >= 0", fputs("HE", f) >= 0, 1);
    OK("fseek(0, SEEK_CUR) between write and read", fseek(f, 0, SEEK_CUR));
    STR("fgets after overwrite", fgets(buf, sizeof buf, f), "llo\n");
    OK("fclose", fclose(f));
    STR("content", conf_get("f", buf, sizeof buf),
        "HEllo\n42 forty-two\ntail\n");

    /* "w+": truncates, reads back what it wrote */
    f = PTR("fopen(f, w+)", fopen("f", "w+"));
    INT("size after w+ open", fsize("f"), 0);
    YES("fputs >= 0", fputs("one\ntwo\n", f) >= 0, 1);
    rewind(f);
    STR("fgets after rewind", fgets(buf, sizeof buf, f), "one\n");
    OK("fclose", fclose(f));

    /* "a+": reads from the start, writes append */
    f = PTR("fopen(f, a+)", fopen("f", "a+"));
    STR("fgets first read", fgets(buf, sizeof buf, f), "one\n");
    OK("fseek(0, SEEK_SET)", fseek(f, 0, SEEK_SET));
    YES("fputs >= 0", fputs("three\n", f) >= 0, 1);
    OK("fseek(0, SEEK_SET)", fseek(f, 0, SEEK_SET));
    RC("fread all", fread(buf, 1, sizeof buf - 1, f), 14);
    OK("fclose", fclose(f));
    STR("content", conf_get("f", buf, sizeof buf), "one\ntwo\nthree\n");

    PTR_ERR("fopen(., w)", fopen(".", "w"), EISDIR);
    f = PTR("fopen(., r)", fopen(".", "r"));
    if (f) {
        RC("fgetc on directory stream", fgetc(f), EOF);
        YES("ferror on directory stream", ferror(f), 1);
        fclose(f);
    }
    OK("remove(f)", remove("f"));
}

static void binary_and_seek(void)
{
    int out[10], in[10], i, c;
    char buf[32];
    FILE *f;

    SAY("-- fread/fwrite, fseek/ftell, ungetc");
    for (i = 0; i < 10; i++)
        out[i] = i * 1000 - 3;
    f = PTR("fopen(b, w+)", fopen("b", "wb+"));
    RC("fwrite 10 ints", fwrite(out, sizeof out[0], 10, f), 10);
    RC("ftell", ftell(f), (long)sizeof out);
    rewind(f);
    RC("ftell after rewind", ftell(f), 0);
    RC("fread 10 ints", fread(in, sizeof in[0], 10, f), 10);
    YES("ints read back equal", memcmp(in, out, sizeof out) == 0, 1);
    RC("fread at end", fread(in, sizeof in[0], 1, f), 0);
    YES("feof", feof(f), 1);
    OK("fseek(4, SEEK_SET)", fseek(f, 4, SEEK_SET));
    YES("feof cleared by fseek", feof(f), 0);
    RC("fread 1 int at 4", fread(in, sizeof in[0], 1, f), 1);
    INT("value", in[0], 997);
    OK("fseek(-4, SEEK_END)", fseek(f, -4, SEEK_END));
    RC("ftell", ftell(f), 36);
    OK("fseek(-8, SEEK_CUR)", fseek(f, -8, SEEK_CUR));
    RC("ftell", ftell(f), 28);
    ERR("fseek(-100, SEEK_SET)", fseek(f, -100, SEEK_SET), EINVAL);
    RC("ftell after failed fseek", ftell(f), 28);
    OK("fseek(0, SEEK_END)", fseek(f, 0, SEEK_END));
    RC("ftell at end", ftell(f), 40);
    OK("fclose", fclose(f));

    f = PTR("fopen(t, w+)", fopen("t", "w+"));
    fputs("abc", f);
    rewind(f);
    RC("fgetc", fgetc(f), 'a');
    RC("ungetc(Z)", ungetc('Z', f), 'Z');
    RC("ftell after ungetc", ftell(f), 0);
    RC("fgetc", fgetc(f), 'Z');
    RC("fgetc", fgetc(f), 'b');
    RC("ungetc(EOF)", ungetc(EOF, f), EOF);
    c = fgetc(f);
    RC("fgetc", c, 'c');
    RC("fgetc at end", fgetc(f), EOF);
    RC("ungetc(q) at end", ungetc('q', f), 'q');
    YES("feof cleared by ungetc", feof(f), 0);
    RC("fgetc", fgetc(f), 'q');
    rewind(f);
    ungetc('X', f);
    OK("fseek(1, SEEK_SET) discards pushback", fseek(f, 1, SEEK_SET));
    RC("fgetc", fgetc(f), 'b');
    OK("fclose", fclose(f));
    STR("file unchanged by ungetc", conf_get("t", buf, sizeof buf), "abc");
    OK("remove(b)", remove("b"));
    OK("remove(t)", remove("t"));
}

static void buffering(void)
{
    /* 256, not smaller: glibc writes straight through a user buffer of
     * less than 128 bytes when it is empty */
    static char mybuf[256];
    FILE *f;

    SAY("-- fflush, setvbuf");
    f = PTR("fopen(v, w)", fopen("v", "w"));
    OK("setvbuf(_IOFBF, 256-byte buffer)", setvbuf(f, mybuf, _IOFBF, sizeof mybuf));
    fputs("0123456789", f);
    INT("size before fflush", fsize("v"), 0);
    OK("fflush", fflush(f));
    INT("size after fflush", fsize("v"), 10);
    OK("fclose", fclose(f));

    f = PTR("fopen(v, w)", fopen("v", "w"));
    OK("setvbuf(_IONBF)", setvbuf(f, NULL, _IONBF, 0));
    fputs("abc", f);
    INT("size right after fputs, unbuffered", fsize("v"), 3);
    OK("fclose", fclose(f));

    f = PTR("fopen(v, w)", fopen("v", "w"));
    OK("setvbuf(_IOLBF)", setvbuf(f, NULL, _IOLBF, 128));
    fputs("ab", f);
    INT("size before newline, line buffered", fsize("v"), 0);
    fputs("c\nde", f);
    INT("size after newline, line buffered", fsize("v"), 4);
    OK("fclose", fclose(f));
    INT("size after fclose", fsize("v"), 6);
    OK("fflush(NULL)", fflush(NULL));
    OK("remove(v)", remove("v"));
}

static void reopen_remove_rename(void)
{
    char buf[64];
    FILE *f;
    int fd;

    SAY("-- freopen, remove, rename");
    conf_put("a", "file a\n");
    conf_put("b", "file b\n");
    f = PTR("fopen(a, r)", fopen("a", "r"));
    f = PTR("freopen(b, r, f)", freopen("b", "r", f));
    STR("fgets", fgets(buf, sizeof buf, f), "file b\n");
    f = PTR("freopen(c, w, f)", freopen("c", "w", f));
    fputs("file c\n", f);
    OK("fclose", fclose(f));
    STR("c", conf_get("c", buf, sizeof buf), "file c\n");
    f = PTR("fopen(a, r)", fopen("a", "r"));
    PTR_ERR("freopen(missing, r, f)", freopen("missing", "r", f), ENOENT);

    OK("rename(a, a2)", rename("a", "a2"));
    YES("a exists", conf_exists("a"), 0);
    STR("a2", conf_get("a2", buf, sizeof buf), "file a\n");
    OK("rename(b, c) replaces c", rename("b", "c"));
    STR("c", conf_get("c", buf, sizeof buf), "file b\n");
    ERR("rename(missing, x)", rename("missing", "x"), ENOENT);
    OK("remove(a2)", remove("a2"));
    OK("remove(c)", remove("c"));
    ERR("remove(c) again", remove("c"), ENOENT);
    OK("mkdir(d)", mkdir("d", 0755));
    conf_put("d/x", "x");
    ERR("remove(non-empty dir)", remove("d"), ENOTEMPTY);
    OK("remove(d/x)", remove("d/x"));
    OK("remove(empty dir)", remove("d"));

    SAY("-- fdopen, fileno");
    fd = OK("open(g, O_RDWR|O_CREAT)", open("g", O_RDWR | O_CREAT, 0644));
    f = PTR("fdopen(fd, r+)", fdopen(fd, "r+"));
    if (f) {
        YES("fileno(f) == fd", fileno(f) == fd, 1);
        RC("fprintf", fprintf(f, "via fdopen\n"), 11);
        OK("fflush", fflush(f));
        RC("lseek(fd, 0, SEEK_CUR) after fflush", lseek(fd, 0, SEEK_CUR), 11);
        rewind(f);
        STR("fgets", fgets(buf, sizeof buf, f), "via fdopen\n");
        OK("fclose", fclose(f));
        ERR("close(fd) after fclose", close(fd), EBADF);
    }
    YES("fileno(stdin) == 0", fileno(stdin) == 0, 1);
    YES("fileno(stdout) == 1", fileno(stdout) == 1, 1);
    YES("fileno(stderr) == 2", fileno(stderr) == 2, 1);
    OK("remove(g)", remove("g"));
}

int main(void)
{
    conf_begin("conf-01-stdio");
    modes();
    binary_and_seek();
    buffering();
    reopen_remove_rename();
    return conf_end();
}
