# The toolchain settings every <triple>.cmake and wasi-sdk.cmake share.
# Before including this file, set WASI_TRIPLE (a triple this prefix serves,
# in either spelling: wasm32-wasi or wasm32-wasip1, ...).
get_filename_component(_wasi_prefix "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
if(NOT EXISTS "${_wasi_prefix}/bin/${WASI_TRIPLE}-clang")
  message(FATAL_ERROR "WASI_TRIPLE=${WASI_TRIPLE}: not a triple of "
          "${_wasi_prefix} (served: @SERVED@)")
endif()

set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)

set(CMAKE_C_COMPILER "${_wasi_prefix}/bin/${WASI_TRIPLE}-clang")
set(CMAKE_CXX_COMPILER "${_wasi_prefix}/bin/${WASI_TRIPLE}-clang++")
set(CMAKE_ASM_COMPILER "${_wasi_prefix}/bin/${WASI_TRIPLE}-clang")
set(CMAKE_C_COMPILER_TARGET ${WASI_TRIPLE})
set(CMAKE_CXX_COMPILER_TARGET ${WASI_TRIPLE})
set(CMAKE_ASM_COMPILER_TARGET ${WASI_TRIPLE})
set(CMAKE_AR "${_wasi_prefix}/bin/${WASI_TRIPLE}-ar" CACHE FILEPATH "")
set(CMAKE_RANLIB "${_wasi_prefix}/bin/${WASI_TRIPLE}-ranlib" CACHE FILEPATH "")
set(CMAKE_NM "${_wasi_prefix}/bin/${WASI_TRIPLE}-nm" CACHE FILEPATH "")
set(CMAKE_STRIP "${_wasi_prefix}/bin/${WASI_TRIPLE}-strip" CACHE FILEPATH "")

set(CMAKE_FIND_ROOT_PATH "${_wasi_prefix}/share/wasi-sysroot")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Modules run under wasi-run (build/bin or <prefix>/bin): a cache default,
# so that -DCMAKE_CROSSCOMPILING_EMULATOR=... (a list: the program, then
# its arguments) replaces it.
set(CMAKE_CROSSCOMPILING_EMULATOR "${_wasi_prefix}/bin/wasi-run" CACHE STRING
    "runs the WebAssembly modules of try_run and of tests (a ;-list: program, arguments)")
