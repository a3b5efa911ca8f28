/* badimport: imports env.foo, which no WASI host provides (link with
 * -Wl,--allow-undefined). The runner must refuse it before running. */
#include <stdio.h>

__attribute__((import_module("env"), import_name("foo"))) int foo(void);

int main(void)
{
    printf("%d\n", foo());
    return 0;
}
