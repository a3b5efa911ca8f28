# wasm32-wasip2-vfs's libc.a (included by targets/wasip2/CMakeLists.txt,
# in its directory, after Debian 13's wasi-libc is fetched there): the
# overlay (src/), the vfs core and io/, compiled again against Debian 13's
# wasm32-wasip2 headers, merged by wasi_merge_libc() over its wasm32-wasip2
# libc.a, with this folder's bottom (p2_*.c), which defines the preview1
# functions the overlay and wasi-libc still call over WASI 0.2 interfaces:
# a program imports wasi:cli, wasi:io, wasi:clocks and wasi:random only,
# and its component needs no preview1 adapter and no wasi:filesystem.
#
# Inputs: WASI_P2_SYSROOT (include/ holds the wasip2 headers),
# WASI_P2_LIBC_LIB (Debian 13's lib/wasm32-wasip2), _p2_base_stamp (made
# when they are there; target wasi_p2_sysroot). Output: WASI_P2_VFS_LIBC and its target wasi_p2_vfs_libc,
# WASI_P2_VFS_HEADERS (the folders of include/wasm32-wasip2-vfs).

set(_p2vfs "${CMAKE_CURRENT_BINARY_DIR}/p2-vfs")
set(_ovl "${CMAKE_SOURCE_DIR}/libc-overlay")
# wasi_add_archive's flags, for wasm32-wasip2 (this directory only).
set(WASI_LIB_CFLAGS --target=wasm32-wasip2 "--sysroot=${WASI_P2_SYSROOT}"
    -std=c11 -Oz -Wall -Wextra -Werror=implicit-function-declaration
    -fvisibility=hidden)

wasi_add_archive(wasi_p2_vfs_core OUTPUT "${_p2vfs}/libvfs-core.a"
                 SOURCES ${VFS_SOURCES}
                 INCLUDES "${VFS_INCLUDE_DIR}"
                 DEFINES NDEBUG VFS_SUPERUSER
                         VFS_REALLOC=__wasi_vfs_core_realloc
                 FLAGS -include "${WASI_OVERLAY_NAMES_H}"
                 DEPENDS "${_p2_base_stamp}")
# Without src/preview1/socket.c: its getsockopt would replace a member of
# Debian 13's wasm32-wasip2 libc.a that defines the other socket options
# too; that libc's own socket calls stay (they import wasi:sockets only in
# a program that calls them, which components.imports would catch).
set(_p2_ovl_sources ${WASI_OVERLAY_SOURCES})
list(FILTER _p2_ovl_sources EXCLUDE REGEX "/preview1/socket\\.c$")
wasi_add_archive(wasi_p2_vfs_overlay OUTPUT "${_p2vfs}/liboverlay.a"
                 SOURCES ${_p2_ovl_sources}
                 INCLUDES "${_ovl}/include" "${VFS_INCLUDE_DIR}" "${IO_INCLUDE_DIR}"
                 DEFINES _GNU_SOURCE FLAGS -include "${WASI_OVERLAY_NAMES_H}"
                 DEPENDS "${_p2_base_stamp}")
file(GLOB _p2_bottom CONFIGURE_DEPENDS "${_ovl}/p2/*.c")
wasi_add_archive(wasi_p2_vfs_bottom OUTPUT "${_p2vfs}/libp2.a"
                 SOURCES ${_p2_bottom}
                 DEFINES _GNU_SOURCE
                 DEPENDS "${_p2_base_stamp}")
# setjmp/longjmp, as on wasm32-wasi-vfs (libc-overlay/CMakeLists.txt): the
# exception-handling lowering; the config file gives programs the flag.
wasi_add_archive(wasi_p2_vfs_sjlj OUTPUT "${_p2vfs}/libsjlj.a"
                 SOURCES "${_ovl}/src/common/sjlj/sjlj.c"
                         "${_ovl}/src/common/sjlj/unlowered.c"
                 INCLUDES "${_ovl}/include"
                 FLAGS -mexception-handling -mllvm -wasm-enable-sjlj
                 DEPENDS "${_p2_base_stamp}")
wasi_add_archive(wasi_p2_vfs_bulk OUTPUT "${_p2vfs}/libbulk.a"
                 SOURCES ${WASI_OVERLAY_BULK_SOURCES} FLAGS -mbulk-memory
                 DEPENDS "${_p2_base_stamp}")
wasi_add_archive(wasi_p2_io OUTPUT "${_p2vfs}/libwasi-io.a"
                 SOURCES ${IO_WASM_SOURCES}
                 INCLUDES "${IO_INCLUDE_DIR}" "${IO_SOURCE_DIR}"
                 DEPENDS "${_p2_base_stamp}")

set(_emulated)
foreach(e signal process-clocks getpid mman)
  list(APPEND _emulated "${WASI_P2_LIBC_LIB}/libwasi-emulated-${e}.a")
endforeach()
set(WASI_LIBC_LIB "${WASI_P2_LIBC_LIB}")
set(WASI_P2_VFS_LIBC "${_p2vfs}/lib/libc.a")
wasi_merge_libc(wasi_p2_vfs_libc OUTPUT "${WASI_P2_VFS_LIBC}" WORK "${_p2vfs}/merge"
                ADD "${_p2vfs}/liboverlay.a" "${_p2vfs}/libsjlj.a" "${_p2vfs}/libp2.a"
                    "${_p2vfs}/libbulk.a"
                CORE "${_p2vfs}/libvfs-core.a"
                EMULATED ${_emulated} YIELDS pthread_self.o stack_chk.o
                IF_BASE pthread_join_np.o
                DEPENDS wasi_p2_vfs_core wasi_p2_vfs_overlay wasi_p2_vfs_sjlj wasi_p2_vfs_bottom
                        wasi_p2_vfs_bulk "${_p2_base_stamp}")
# The wasip2 sysroot and Debian 13's archives first: their rules then find
# everything made (the Makefile generator copies a rule into every target
# that depends on its output; ordered, the copies do not run again).
foreach(t wasi_p2_vfs_core wasi_p2_vfs_overlay wasi_p2_vfs_sjlj wasi_p2_vfs_bottom wasi_p2_io
          wasi_p2_vfs_bulk wasi_p2_vfs_libc)
  add_dependencies(${t} wasi_p2_sysroot)
endforeach()
set(WASI_P2_VFS_HEADERS "${_ovl}/include" "${IO_INCLUDE_DIR}")
