/*
 * cards: a card-index program in the style of the early 1990s.
 *
 *   cards add NAME TEXT...   append a card
 *   cards list               print the cards sorted by name
 *   cards drop NAME          remove the cards of NAME
 *   cards demo               run add/list/drop on a built-in set
 *
 * The index lives in ./cards.db, one "name|text" line per card. Updates
 * are written to a temporary file made with mkstemp and renamed over the
 * index, the classic way to replace a file atomically.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DB "cards.db"
#define MAXCARDS 512
#define LINELEN 256

static char *cards[MAXCARDS];
static int ncards;

static void die(const char *what)
{
    fprintf(stderr, "cards: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void load(void)
{
    char line[LINELEN];
    FILE *f = fopen(DB, "r");
    if (!f) {
        if (errno == ENOENT)
            return;
        die(DB);
    }
    while (ncards < MAXCARDS && fgets(line, sizeof line, f))
        if ((cards[ncards] = strdup(line)) != NULL)
            ncards++;
    fclose(f);
}

static void save(void)
{
    char tmpl[] = "cards.XXXXXX";
    int fd = mkstemp(tmpl);
    FILE *f;
    int i;
    if (fd < 0)
        die("mkstemp");
    if ((f = fdopen(fd, "w")) == NULL)
        die("fdopen");
    for (i = 0; i < ncards; i++)
        if (cards[i])
            fputs(cards[i], f);
    if (fflush(f) == EOF || fsync(fileno(f)) < 0 || fclose(f) == EOF)
        die(tmpl);
    if (chmod(tmpl, 0644) < 0 || rename(tmpl, DB) < 0)
        die("rename");
}

static int bycard(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add(const char *name, int argc, char **argv)
{
    char line[LINELEN];
    int i, n = snprintf(line, sizeof line, "%s|", name);
    for (i = 0; i < argc && n < (int)sizeof line; i++)
        n += snprintf(line + n, sizeof line - n, "%s%s", i ? " " : "", argv[i]);
    if (n >= (int)sizeof line - 1)
        line[sizeof line - 2] = '\0';
    strcat(line, "\n");
    if (ncards == MAXCARDS || (cards[ncards] = strdup(line)) == NULL) {
        fputs("cards: index full\n", stderr);
        exit(1);
    }
    ncards++;
}

static void list(void)
{
    int i;
    struct stat st;
    qsort(cards, ncards, sizeof cards[0], bycard);
    for (i = 0; i < ncards; i++)
        if (cards[i])
            printf("%3d  %s", i + 1, cards[i]);
    if (stat(DB, &st) == 0)
        printf("(%d cards, %lld bytes, mode %o)\n", ncards,
               (long long)st.st_size, (unsigned)(st.st_mode & 0777));
}

static void drop(const char *name)
{
    size_t len = strlen(name);
    int i;
    for (i = 0; i < ncards; i++)
        if (cards[i] && strncmp(cards[i], name, len) == 0 && cards[i][len] == '|') {
            free(cards[i]);
            cards[i] = NULL;
        }
}

int main(int argc, char **argv)
{
    static char *demo[][3] = {
        {"knuth", "The Art of Computer Programming", NULL},
        {"ritchie", "The C Programming Language", NULL},
        {"kernighan", "The UNIX Programming Environment", NULL},
        {"stevens", "Advanced Programming in the UNIX Environment", NULL},
    };
    unsigned i;

    if (argc < 2) {
        fputs("usage: cards add NAME TEXT... | list | drop NAME | demo\n", stderr);
        return 2;
    }
    load();
    if (strcmp(argv[1], "add") == 0 && argc >= 3) {
        add(argv[2], argc - 3, argv + 3);
        save();
    } else if (strcmp(argv[1], "list") == 0) {
        list();
    } else if (strcmp(argv[1], "drop") == 0 && argc == 3) {
        drop(argv[2]);
        save();
    } else if (strcmp(argv[1], "demo") == 0) {
        for (i = 0; i < sizeof demo / sizeof demo[0]; i++)
            add(demo[i][0], 1, &demo[i][1]);
        save();
        list();
        drop("ritchie");
        save();
        ncards = 0;
        load();
        list();
        if (remove(DB) < 0)
            die("remove");
    } else {
        fputs("cards: bad command\n", stderr);
        return 2;
    }
    return 0;
}
