/* reactor: a library-style module (built with -mexec-model=reactor): it
 * exports _initialize and a function, but has no _start to run. */
__attribute__((export_name("add"))) int add(int a, int b)
{
    return a + b;
}
