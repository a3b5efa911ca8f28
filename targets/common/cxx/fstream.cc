// fstream.cc: the explicit instantiations of the file streams that
// <fstream> declares extern (basic_filebuf, basic_ifstream, basic_ofstream
// of char). Debian's libc++ for wasm32-wasi is built without them (its
// __config_site says _LIBCPP_HAS_NO_FILESYSTEM); this sysroot's
// __config_site for wasm32-wasi and wasm32-wasi-vfs does not, so their
// libc++.a gets this object (targets/CMakeLists.txt). The streams open
// files with fopen: wasi-libc's on wasm32-wasi, the in-module filesystem
// on wasm32-wasi-vfs.
#include <fstream>

_LIBCPP_BEGIN_NAMESPACE_STD
template class basic_filebuf<char>;
template class basic_ifstream<char>;
template class basic_ofstream<char>;
_LIBCPP_END_NAMESPACE_STD
