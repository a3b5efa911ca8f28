// C++ on every triple: iostreams, strings, containers, algorithms.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    std::vector<std::string> words(argv + 1, argv + argc);
    std::sort(words.begin(), words.end());
    std::cout << "hello from C++:";
    for (const auto &w : words)
        std::cout << ' ' << w;
    std::cout << std::endl;
    return static_cast<int>(words.size());
}
