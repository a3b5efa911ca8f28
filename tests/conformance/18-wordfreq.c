/* 18-wordfreq: a small tool written the way many 1990s C programs are:
 * stdio everywhere, fixed-size buffers, temporary files between passes,
 * qsort.  It writes its own input, counts lines/words/bytes like wc, writes
 * the words one per line to a temporary file, sorts them, writes
 * "count word" lines to a second temporary file, reads that back, sorts by
 * frequency and prints the top of the list with line numbers.  Like many
 * programs of its time it names its temporary files itself. */
#include "conf.h"
#include <ctype.h>

#define MAXWORD 64

static const char *text[] = {
    "It was a dark and stormy night; the rain fell in torrents,",
    "except at occasional intervals, when it was checked by a violent",
    "gust of wind which swept up the streets (for it is in London that",
    "our scene lies), rattling along the housetops, and fiercely",
    "agitating the scanty flame of the lamps that struggled against",
    "the darkness.",
    "",
    "The file system was a tree, and the tree was a file system;",
    "every program that opened a file expected the file to be there,",
    "and every file that was there expected to be opened again.",
    NULL
};

/* the expected top of the list (checked with sort | uniq -c | sort -nr) */
static const char *top[] = {
    "   360 the", "   200 a", "   200 file", "   200 was", "   160 and",
    "   160 that", "   120 it", "    80 be", "    80 every", "    80 expected",
    "    80 in", "    80 of",
};

struct count {
    int n;
    char word[MAXWORD];
};

static int by_word(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_count(const void *a, const void *b)
{
    const struct count *x = a, *y = b;
    if (x->n != y->n)
        return y->n - x->n;
    return strcmp(x->word, y->word);
}

/* Opens a temporary file in the current directory, old style. */
static FILE *scratch(const char *name)
{
    return fopen(name, "w+");
}

int main(void)
{
    const char *words_name = "wordfreq.1.tmp", *counts_name = "wordfreq.2.tmp";
    char word[MAXWORD], line[256];
    char **words = NULL;
    struct count *counts = NULL;
    long lines = 0, nwords = 0, bytes = 0;
    int nw = 0, cap = 0, nc = 0, i, j, c, len, inword, rep;
    unsigned long sum = 0;
    FILE *in, *wf, *cf, *nl;

    conf_begin("conf-18-wordfreq");

    /* the input: the text, 40 times, every copy numbered */
    in = PTR("fopen(corpus.txt, w)", fopen("corpus.txt", "w"));
    if (!in)
        return conf_end();
    for (rep = 1; rep <= 40; rep++) {
        fprintf(in, "Chapter %d\n", rep);
        for (i = 0; text[i]; i++)
            fprintf(in, "%s\n", text[i]);
    }
    OK("fclose(corpus.txt)", fclose(in));

    /* pass 1: wc, and words to a temporary file */
    in = PTR("fopen(corpus.txt, r)", fopen("corpus.txt", "r"));
    wf = PTR("scratch file for words", scratch(words_name));
    if (!in || !wf)
        return conf_end();
    len = 0;
    inword = 0;
    while ((c = getc(in)) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        if (isspace(c))
            inword = 0;
        else if (!inword) {
            inword = 1;
            nwords++;
        }
        if (isalpha(c)) {
            if (len < MAXWORD - 1)
                word[len++] = (char)tolower(c);
        } else if (len > 0) {
            word[len] = '\0';
            fprintf(wf, "%s\n", word);
            len = 0;
        }
    }
    fclose(in);
    INT("lines", lines, 440);
    INT("words", nwords, 3840);
    INT("bytes", bytes, 20871);

    /* pass 2: read the words back, sort, count runs */
    rewind(wf);
    while (fgets(word, sizeof word, wf)) {
        word[strcspn(word, "\n")] = '\0';
        if (nw == cap) {
            cap = cap ? cap * 2 : 64;
            words = realloc(words, cap * sizeof *words);
        }
        words[nw] = malloc(strlen(word) + 1);
        strcpy(words[nw++], word);
    }
    INT("words read back from the scratch file", nw, 3800);
    qsort(words, nw, sizeof *words, by_word);
    cf = PTR("scratch file for counts", scratch(counts_name));
    if (!cf)
        return conf_end();
    for (i = 0; i < nw; i = j) {
        for (j = i; j < nw && strcmp(words[i], words[j]) == 0; j++)
            ;
        fprintf(cf, "%d %s\n", j - i, words[i]);
    }
    for (i = 0; i < nw; i++)
        free(words[i]);
    free(words);
    OK("fclose(words)", fclose(wf));

    /* pass 3: read the counts, sort by frequency */
    rewind(cf);
    cap = 0;
    while (fscanf(cf, "%d %63s", &i, word) == 2) {
        if (nc == cap) {
            cap = cap ? cap * 2 : 64;
            counts = realloc(counts, cap * sizeof *counts);
        }
        counts[nc].n = i;
        strcpy(counts[nc].word, word);
        nc++;
    }
    OK("fclose(counts)", fclose(cf));
    INT("distinct words", nc, 57);
    qsort(counts, nc, sizeof *counts, by_count);
    for (i = 0; i < 12 && i < nc; i++) {
        char label[24];
        snprintf(label, sizeof label, "rank %d", i + 1);
        snprintf(line, sizeof line, "%6d %s", counts[i].n, counts[i].word);
        STR(label, line, top[i]);
    }
    free(counts);

    /* a numbered copy, "nl -ba" style, read back for a checksum */
    in = fopen("corpus.txt", "r");
    nl = PTR("fopen(numbered.txt, w+)", fopen("numbered.txt", "w+"));
    if (!in || !nl)
        return conf_end();
    for (i = 1; fgets(line, sizeof line, in); i++)
        fprintf(nl, "%6d\t%s", i, line);
    fclose(in);
    rewind(nl);
    for (i = 0; fgets(line, sizeof line, nl); i++) {
        for (j = 0; line[j]; j++)
            sum = sum * 31 + (unsigned char)line[j];
        if (i == 6 || i == 439) {
            line[strcspn(line, "\n")] = '\0';
            STR(i == 6 ? "numbered line 7" : "numbered line 440", line,
                i == 6 ? "     7\tthe darkness." :
                         "   440\tand every file that was there expected to be opened again.");
        }
    }
    INT("numbered lines", i, 440);
    INT("checksum of the numbered copy", (long long)(sum & 0xffffffffUL), 0x1df2611a);
    OK("fclose(numbered.txt)", fclose(nl));

    OK("remove(words scratch file)", remove(words_name));
    OK("remove(counts scratch file)", remove(counts_name));
    OK("remove(numbered.txt)", remove("numbered.txt"));
    OK("remove(corpus.txt)", remove("corpus.txt"));
    return conf_end();
}
