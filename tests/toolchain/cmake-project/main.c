void greet(const char *who);
int main(void) { greet(TRIPLE); return HAVE_STDIO_H ? 0 : 1; }
