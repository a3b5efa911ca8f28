#include <stdio.h>
void greet(const char *who) { printf("greetings from %s\n", who); }
