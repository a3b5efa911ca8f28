// Needs C++ exceptions: the drivers compile without them (as wasi-sdk).
#include <stdexcept>
int f(int x) { if (x > 3) throw std::runtime_error("big"); return x; }
int main(int argc, char **) { return f(argc); }
