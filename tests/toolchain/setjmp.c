/* Includes <setjmp.h> without calling it: plain clang with the sysroot
 * and no flag compiles and links it. */
#include <setjmp.h>
#include <stdio.h>
static jmp_buf env;
int main(void) { printf("jmp_buf of %zu bytes\n", sizeof env); return 0; }
