# wasi_sysroot_part(): the build rule that assembles one triple's part of a
# sysroot (assemble.cmake): include/<triple> and lib/<triple>, with the
# marker header of a served triple (target.h.in, alltypes-check.h.in).
#
# wasi_sysroot_part(<triple> SYSROOT <dir> STAMP <file>
#                   [BASE_INCLUDE <dir>] BASE_LIB <dir>
#                   HEADER_DIRS <dir>... LIBS <archive>... [MERGE <archive>...]
#                   [CXX_LIBS <archive>...] [CXX_EXTRA <object>...]
#                   [DEPENDS <target-or-file>...])
#
# The arguments are assemble.cmake's; the rule reruns when any header under
# HEADER_DIRS, LIBS, MERGE, CXX_*, DEPENDS or assemble.cmake changes, and
# writes STAMP when done.
set(_wasi_sysroot_dir "${CMAKE_CURRENT_LIST_DIR}")

function(wasi_sysroot_part triple)
  cmake_parse_arguments(A "" "SYSROOT;STAMP;BASE_INCLUDE;BASE_LIB"
                        "HEADER_DIRS;LIBS;MERGE;CXX_LIBS;CXX_EXTRA;DEPENDS" ${ARGN})
  set(TRIPLE "${triple}")
  set(marker "${CMAKE_CURRENT_BINARY_DIR}/marker-${triple}")
  configure_file("${_wasi_sysroot_dir}/target.h.in" "${marker}/__wasi_triples_target.h" @ONLY)
  set(hdirs ${A_HEADER_DIRS} "${marker}")
  set(hfiles)
  foreach(d ${hdirs})
    file(GLOB_RECURSE h CONFIGURE_DEPENDS "${d}/*")
    list(APPEND hfiles ${h})
  endforeach()
  add_custom_command(
    OUTPUT "${A_STAMP}"
    COMMAND "${CMAKE_COMMAND}" "-DTRIPLE=${triple}" "-DSYSROOT=${A_SYSROOT}"
            "-DBASE_INCLUDE=${A_BASE_INCLUDE}" "-DBASE_LIB=${A_BASE_LIB}"
            "-DHEADER_DIRS=${hdirs}" "-DLIBS=${A_LIBS}" "-DSTAMP=${A_STAMP}"
            "-DMERGE=${A_MERGE}" "-DAR=${WASI_AR}"
            "-DCXX_LIBS=${A_CXX_LIBS}" "-DCXX_EXTRA=${A_CXX_EXTRA}"
            -P "${_wasi_sysroot_dir}/assemble.cmake"
    DEPENDS "${_wasi_sysroot_dir}/assemble.cmake" ${hfiles} ${A_LIBS} ${A_MERGE}
            ${A_CXX_LIBS} ${A_CXX_EXTRA} ${A_DEPENDS}
    COMMENT "sysroot ${triple}"
    VERBATIM)
endfunction()
