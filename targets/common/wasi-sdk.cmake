# wasi-sdk.cmake: the toolchain file wasi-sdk users know, for this prefix
#   cmake -DCMAKE_TOOLCHAIN_FILE=$WASI_SDK_PATH/share/cmake/wasi-sdk.cmake ...
# As wasi-sdk's: WASI_SDK_PREFIX (default: two folders above this file),
# CMAKE_SYSTEM_NAME WASI, clang and clang++ from WASI_SDK_PREFIX/bin for
# wasm32-wasi. -DWASI_TRIPLE=wasm32-wasi-vfs (or wasm32-wasi-io, or a
# wasm32-wasip1 spelling) picks another triple; the per-triple files
# (<triple>.cmake) are the same with the triple set.
if(NOT WASI_SDK_PREFIX)
  get_filename_component(WASI_SDK_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()
if(NOT WASI_TRIPLE)
  set(WASI_TRIPLE wasm32-wasi)
endif()
set(WASI_TRIPLE "${WASI_TRIPLE}" CACHE STRING "the target triple")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES WASI_TRIPLE WASI_SDK_PREFIX)
include("${WASI_SDK_PREFIX}/share/cmake/wasi-triples-toolchain.cmake")
