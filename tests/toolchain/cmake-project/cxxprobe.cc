#include <iostream>
int main() { std::cout << "C++ greetings from " << TRIPLE << std::endl; return 0; }
