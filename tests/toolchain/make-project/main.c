void greet(const char *who);
int main(void) { greet("make"); return 0; }
