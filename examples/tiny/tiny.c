/* The smallest file program: write a line to a file, read it back. */
#include <stdio.h>

int main(void)
{
    char line[64];
    FILE *f = fopen("note.txt", "w");
    if (!f || fputs("hello, file\n", f) < 0 || fclose(f) != 0) {
        perror("write note.txt");
        return 1;
    }
    f = fopen("note.txt", "r");
    if (!f || !fgets(line, sizeof line, f)) {
        perror("read note.txt");
        return 1;
    }
    fclose(f);
    fputs(line, stdout);
    return remove("note.txt") == 0 ? 0 : 1;
}
