// fstream on wasm32-wasi-vfs (and on wasm32-wasi in a preopened folder):
// writes a file, appends to it, reads it back line by line.
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/tmp/fstream.txt";
    {
        std::ofstream out(path);
        if (!out) { std::cerr << "cannot create " << path << '\n'; return 1; }
        out << "first " << 1 << '\n';
    }
    {
        std::ofstream out(path, std::ios::app);
        out << "second " << 2.5 << '\n';
    }
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line))
        std::cout << ++n << ": " << line << '\n';
    std::ifstream missing("/no/such/file");
    std::cout << "missing file opens: " << (missing.is_open() ? "yes" : "no") << '\n';
    return n == 2 ? 0 : 1;
}
