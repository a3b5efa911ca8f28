/* sjlj-error: compiled without the SjLj lowering's macro, <setjmp.h> must
 * stop with a message that says what is needed (a ctest checks it). */
#include <setjmp.h>

int main(void)
{
    return 0;
}
