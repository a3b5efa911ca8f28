# wasm32-wasip2-io's libc.a (included by targets/wasip2/CMakeLists.txt
# after libc-overlay/p2/p2.cmake, whose wasip2 flags and io/ archive it
# uses): Debian 13's wasm32-wasip2 libc.a without the members that take
# file names (as wasm32-wasi-io's: io/CMakeLists.txt), with a bottom that
# answers every preview1 call wasi-libc and io/ still make over WASI 0.2:
# the shared part of libc-overlay/p2 (standard streams, args, environ,
# clocks, random, exit, close, poll, the wasi:cli/run export) and this
# folder (the descriptors, and the typed call of WASI_IO_MAIN). A program
# imports wasi:io, wasi:cli, wasi:clocks and wasi:random only.
#
# Inputs: WASI_P2_LIBC_LIB, _p2_base_stamp, IO_UNAVAILABLE_NAMES,
# IO_TRIPLE_INCLUDE. Output: WASI_P2IO_LIBC and its target wasi_p2io_libc,
# WASI_P2IO_HEADERS (the folders of include/wasm32-wasip2-io).

set(_p2io "${CMAKE_CURRENT_BINARY_DIR}/p2-io")
set(_p2src "${CMAKE_SOURCE_DIR}/libc-overlay/p2")
set(_p2io_src "${CMAKE_SOURCE_DIR}/io/libc/wasip2")
set(_p2io_bottom)
foreach(f p2_streams p2_cli p2_clocks p2_close p2_poll p2_run)
  list(APPEND _p2io_bottom "${_p2src}/${f}.c")
endforeach()
wasi_add_archive(wasi_p2io_bottom OUTPUT "${_p2io}/libp2io.a"
                 SOURCES ${_p2io_bottom} "${_p2io_src}/p2io_fds.c" "${_p2io_src}/p2io_main.c"
                         "${CMAKE_SOURCE_DIR}/libc-overlay/src/common/stack_chk.c"
                 INCLUDES "${_p2src}" "${IO_INCLUDE_DIR}"
                 DEFINES _GNU_SOURCE __wasi_io_component__=1
                 DEPENDS "${_p2_base_stamp}")
set(WASI_LIBC_LIB "${WASI_P2_LIBC_LIB}")
set(WASI_P2IO_LIBC "${_p2io}/lib/libc.a")
wasi_merge_libc(wasi_p2io_libc OUTPUT "${WASI_P2IO_LIBC}" WORK "${_p2io}/merge"
                ADD "${_p2io}/libp2io.a" YIELDS stack_chk.o
                DROP_NAMES "${IO_UNAVAILABLE_NAMES}"
                DROP_USERS_OF "^__wasi_(path_[a-z_]+|fd_readdir|fd_prestat_[a-z_]+)$"
                DEPENDS wasi_p2io_bottom "${_p2_base_stamp}")
foreach(t wasi_p2io_bottom wasi_p2io_libc)
  add_dependencies(${t} wasi_p2_sysroot)
endforeach()
set(WASI_P2IO_HEADERS "${IO_TRIPLE_INCLUDE}" "${IO_INCLUDE_DIR}")
