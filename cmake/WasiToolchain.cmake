# Finds the WebAssembly toolchain (clang >= 16, wasm-ld, llvm-ar, wasi-libc,
# the wasm32 compiler-rt builtins) and defines the helpers that build
# WebAssembly archives and programs with it.
#
# Two layouts are supported:
#  - Debian: clang-N, lld-N, wasi-libc (/usr/include/wasm32-wasi,
#    /usr/lib/wasm32-wasi), libclang-rt-N-dev-wasm32;
#  - wasi-sdk: WASI_SDK_PATH (cache variable or environment) pointing at an
#    unpacked wasi-sdk.
#
# Results (cache):
#   WASI_CLANG WASI_WASM_LD WASI_AR WASI_RANLIB WASI_NM WASI_NODE
#   WASI_LIBC_INCLUDE  headers of wasi-libc for wasm32-wasi
#   WASI_LIBC_LIB      libraries of wasi-libc for wasm32-wasi
#                      (-DWASI_LIBC_DEBIAN=trixie sets both to Debian 13's,
#                      -DWASI_LIBC_NPM=VERSION to that of npm's
#                      @yowasp/clang, unpacked in the build tree)
#   WASI_BUILTINS      libclang_rt.builtins-wasm32.a
# and WASI_SYSROOT, the sealed sysroot assembled in the build tree.

include_guard(GLOBAL)

set(WASI_TRIPLES wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io)
set(WASI_SYSROOT "${CMAKE_BINARY_DIR}/sysroot")
set(WASI_BIN_DIR "${CMAKE_BINARY_DIR}/bin")

if(NOT DEFINED WASI_SDK_PATH AND DEFINED ENV{WASI_SDK_PATH})
  set(WASI_SDK_PATH "$ENV{WASI_SDK_PATH}")
endif()
set(WASI_SDK_PATH "${WASI_SDK_PATH}" CACHE PATH
    "An unpacked wasi-sdk to use instead of Debian's clang and wasi-libc")

function(_wasi_missing what package)
  message(FATAL_ERROR
    "${what} not found.\n"
    "On Debian 12 install it with:  apt-get install ${package}\n"
    "(or point WASI_SDK_PATH at an unpacked wasi-sdk).")
endfunction()

# wasi_ci_require(<what> <package>): <what> cannot be built or tested here.
# Under CI=true (the environment variable; .ci/run sets it) that is a
# configure error naming the package to install: CI skips nothing. Elsewhere
# it is a status message and the part is left out.
function(wasi_ci_require what package)
  if("$ENV{CI}" STREQUAL "true")
    message(FATAL_ERROR "${what}: not possible on this machine, and CI=true "
      "allows no skipped part.\nOn Debian 12 install:  apt-get install ${package}\n"
      "(./install-deps.sh installs every package the build and tests use).")
  endif()
  message(STATUS "${what}: left out (install ${package} to have it)")
endfunction()

# ---- clang ----------------------------------------------------------------
if(WASI_SDK_PATH)
  set(_wasi_hints "${WASI_SDK_PATH}/bin")
  find_program(WASI_CLANG NAMES clang HINTS ${_wasi_hints} NO_DEFAULT_PATH)
else()
  find_program(WASI_CLANG NAMES clang-19 clang-18 clang-17 clang-16 clang-20
                                clang-21 clang)
endif()
if(NOT WASI_CLANG)
  _wasi_missing("clang (16 or newer)" "clang-19")
endif()
execute_process(COMMAND "${WASI_CLANG}" --version
                OUTPUT_VARIABLE _wasi_clang_version ERROR_QUIET)
if(NOT _wasi_clang_version MATCHES "clang version ([0-9]+)\\.")
  message(FATAL_ERROR "Cannot read the version of ${WASI_CLANG}")
endif()
set(WASI_CLANG_MAJOR "${CMAKE_MATCH_1}" CACHE INTERNAL "")
if(WASI_CLANG_MAJOR LESS 16)
  message(FATAL_ERROR
    "${WASI_CLANG} is clang ${WASI_CLANG_MAJOR}; clang 16 or newer is needed "
    "(per-triple config files and the wasm SjLj lowering).\n"
    "On Debian 12 install it with:  apt-get install clang-19")
endif()
get_filename_component(_wasi_clang_dir "${WASI_CLANG}" DIRECTORY)

# ---- wasm-ld, llvm-ar, llvm-ranlib, llvm-nm --------------------------------
set(_m ${WASI_CLANG_MAJOR})
find_program(WASI_WASM_LD NAMES wasm-ld-${_m} wasm-ld HINTS ${_wasi_clang_dir})
if(NOT WASI_WASM_LD)
  _wasi_missing("wasm-ld (the WebAssembly linker)" "lld-${_m}")
endif()
foreach(tool ar ranlib nm)
  string(TOUPPER ${tool} _up)
  find_program(WASI_${_up} NAMES llvm-${tool}-${_m} llvm-${tool}
               HINTS ${_wasi_clang_dir})
  if(NOT WASI_${_up})
    _wasi_missing("llvm-${tool}" "llvm-${_m}")
  endif()
endforeach()

# ---- wasi-libc ----------------------------------------------------------------
# WASI_LIBC_DEBIAN=SUITE (e.g. trixie): Debian SUITE's wasi-libc, fetched as
# a .deb through a private apt source list and unpacked into the build tree
# (debian-wasi-libc.sh; the system's apt sources are not changed).
set(WASI_LIBC_DEBIAN "" CACHE STRING
    "Build against this Debian suite's wasi-libc (e.g. trixie), fetched as a .deb")
if(WASI_LIBC_DEBIAN)
  execute_process(
    COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/debian-wasi-libc.sh"
            "${WASI_LIBC_DEBIAN}" "${CMAKE_BINARY_DIR}/wasi-libc-${WASI_LIBC_DEBIAN}"
    OUTPUT_VARIABLE _wasi_deb_usr OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _wasi_deb_rc)
  if(NOT _wasi_deb_rc EQUAL 0)
    message(FATAL_ERROR "WASI_LIBC_DEBIAN=${WASI_LIBC_DEBIAN}: cannot fetch "
                        "that suite's wasi-libc (see above)")
  endif()
  set(WASI_LIBC_INCLUDE "${_wasi_deb_usr}/include/wasm32-wasi" CACHE PATH
      "wasi-libc headers (wasm32-wasi)" FORCE)
  set(WASI_LIBC_LIB "${_wasi_deb_usr}/lib/wasm32-wasi" CACHE PATH
      "wasi-libc libraries (wasm32-wasi)" FORCE)
endif()
# WASI_LIBC_NPM=VERSION: the wasi-libc of npm's @yowasp/clang at VERSION (a
# pinned one), its sysroot unpacked into the build tree (npm-wasi-sysroot.sh).
set(WASI_LIBC_NPM "" CACHE STRING
    "Build against the wasi-libc of npm's @yowasp/clang at this (pinned) version")
if(WASI_LIBC_NPM)
  execute_process(
    COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/npm-wasi-sysroot.sh"
            "${WASI_LIBC_NPM}" "${CMAKE_BINARY_DIR}/wasi-libc-npm-${WASI_LIBC_NPM}"
    OUTPUT_VARIABLE _wasi_npm_root OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _wasi_npm_rc)
  if(NOT _wasi_npm_rc EQUAL 0)
    message(FATAL_ERROR "WASI_LIBC_NPM=${WASI_LIBC_NPM}: cannot fetch "
                        "that wasi-libc (see above)")
  endif()
  set(WASI_LIBC_INCLUDE "${_wasi_npm_root}/include/wasm32-wasip1" CACHE PATH
      "wasi-libc headers (wasm32-wasi)" FORCE)
  set(WASI_LIBC_LIB "${_wasi_npm_root}/lib/wasm32-wasip1" CACHE PATH
      "wasi-libc libraries (wasm32-wasi)" FORCE)
endif()
# A wasi-sdk sysroot has include/<t> and lib/<t> for t = wasm32-wasi (up to
# wasi-sdk 24), wasm32-wasip1 (wasi-sdk 22 on; the only one from 25 on), or
# headers right in include/ (before per-target headers).
if(WASI_SDK_PATH)
  set(_wasi_sdk_root "${WASI_SDK_PATH}/share/wasi-sysroot")
  set(_inc "${_wasi_sdk_root}/include")
  set(_lib "${_wasi_sdk_root}/lib/wasm32-wasi")
  foreach(t wasm32-wasip1 wasm32-wasi)
    if(EXISTS "${_wasi_sdk_root}/include/${t}/stdio.h")
      set(_inc "${_wasi_sdk_root}/include/${t}")
    endif()
    if(EXISTS "${_wasi_sdk_root}/lib/${t}/libc.a")
      set(_lib "${_wasi_sdk_root}/lib/${t}")
    endif()
  endforeach()
else()
  set(_inc "/usr/include/wasm32-wasi")
  set(_lib "/usr/lib/wasm32-wasi")
endif()
set(WASI_LIBC_INCLUDE "${_inc}" CACHE PATH "wasi-libc headers (wasm32-wasi)")
set(WASI_LIBC_LIB "${_lib}" CACHE PATH "wasi-libc libraries (wasm32-wasi)")
if(NOT EXISTS "${WASI_LIBC_INCLUDE}/stdio.h"
   OR NOT EXISTS "${WASI_LIBC_INCLUDE}/wasi/api.h")
  _wasi_missing("wasi-libc headers (${WASI_LIBC_INCLUDE}/stdio.h)" "wasi-libc")
endif()
if(NOT EXISTS "${WASI_LIBC_LIB}/libc.a"
   OR NOT EXISTS "${WASI_LIBC_LIB}/crt1-command.o")
  _wasi_missing("wasi-libc libraries (${WASI_LIBC_LIB}/libc.a)" "wasi-libc")
endif()

# ---- compiler-rt builtins ------------------------------------------------------
execute_process(
  COMMAND "${WASI_CLANG}" --target=wasm32-wasi -rtlib=compiler-rt
          -print-libgcc-file-name
  OUTPUT_VARIABLE _builtins OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT _builtins OR NOT EXISTS "${_builtins}")
  _wasi_missing("the wasm32 compiler-rt builtins (${_builtins})"
                "libclang-rt-${_m}-dev-wasm32")
endif()
set(WASI_BUILTINS "${_builtins}" CACHE FILEPATH "wasm32 compiler-rt builtins")

# ---- node (runs modules in the tests and the main job) -----------------------
find_program(WASI_NODE NAMES node nodejs)
if(NOT WASI_NODE)
  _wasi_missing("Node.js (runs WebAssembly modules through its WASI)" "nodejs")
endif()

# ---- wasi-libc's target feature names -----------------------------------------
# A wasi-libc built by LLVM 20 or newer names features this build's wasm-ld
# and binaryen may not know (bulk-memory-opt, call-indirect-overlong), and
# binaryen then rejects the instructions they cover. The build then uses a
# copy of WASI_LIBC_LIB in the build tree whose objects name those features
# as the features they are part of (cmake/wasm-feature-names.mjs says which
# and why): WASI_LIBC_LIB, as a normal variable, names that copy; the cache
# entry keeps the folder given. A name with no such mapping stops here.
file(GLOB _wasi_libc_objs "${WASI_LIBC_LIB}/*.a" "${WASI_LIBC_LIB}/*.o")
set(_wasi_features "${CMAKE_CURRENT_LIST_DIR}/wasm-feature-names.mjs")
execute_process(COMMAND "${WASI_NODE}" "${_wasi_features}" --check ${_wasi_libc_objs}
                RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_VARIABLE _err)
if(_rc EQUAL 3)
  set(_copy "${CMAKE_BINARY_DIR}/wasi-libc-features/lib")
  file(MAKE_DIRECTORY "${_copy}")
  file(GLOB _wasi_libc_files LIST_DIRECTORIES false "${WASI_LIBC_LIB}/*")
  foreach(f ${_wasi_libc_files})
    get_filename_component(n "${f}" NAME)
    if(f IN_LIST _wasi_libc_objs)
      execute_process(COMMAND "${WASI_NODE}" "${_wasi_features}" "${f}" "${_copy}/${n}.tmp"
                      RESULT_VARIABLE _rc ERROR_VARIABLE _err)
      if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "${f}: cannot rename its target features:\n${_err}")
      endif()
      if(n MATCHES "\\.a$")
        execute_process(COMMAND "${WASI_RANLIB}" "${_copy}/${n}.tmp" RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
          message(FATAL_ERROR "${WASI_RANLIB} ${_copy}/${n}.tmp failed")
        endif()
      endif()
      file(COPY_FILE "${_copy}/${n}.tmp" "${_copy}/${n}" ONLY_IF_DIFFERENT)
      file(REMOVE "${_copy}/${n}.tmp")
    else()
      file(COPY_FILE "${f}" "${_copy}/${n}" ONLY_IF_DIFFERENT)
    endif()
  endforeach()
  message(STATUS "wasi-libc's objects name target features this wasm-ld and "
                 "binaryen do not know: using a copy that names them as the "
                 "features they are part of (${_copy})")
  set(WASI_LIBC_LIB "${_copy}")
elseif(NOT _rc EQUAL 0)
  message(FATAL_ERROR "wasi-libc in ${WASI_LIBC_LIB} cannot be used with "
                      "this build's wasm-ld and binaryen:\n${_err}")
endif()

# Optional tools: binaryen's wasm-opt (clang runs it itself when it is on
# PATH) and wabt's wasm-objdump (import audits).
find_program(WASI_WASM_OPT NAMES wasm-opt)
find_program(WASI_OBJDUMP NAMES wasm-objdump)
if(NOT WASI_WASM_OPT)
  wasi_ci_require("wasm-opt (the size budgets: overlay.size.*, streams.sizes)" binaryen)
endif()
if(NOT WASI_OBJDUMP)
  wasi_ci_require("wasm-objdump (the import audits: overlay.imports.*, isolation.imports)" wabt)
endif()

message(STATUS "WebAssembly clang: ${WASI_CLANG} (${WASI_CLANG_MAJOR})")
message(STATUS "wasi-libc: ${WASI_LIBC_INCLUDE} ${WASI_LIBC_LIB}")

# <sysroot>/include holds wasi-libc's headers: the fallback clang searches
# after include/<triple>, reached by the triples' wrapper headers through
# #include_next. It is copied at configure time, so that everything this
# tree builds for WebAssembly sees a sealed sysroot (never the host's
# /usr/include).
# include/wasm32-wasi, the plain triple's own, is copied now too: the
# archives built for wasm32-wasi compile against it while the build runs.
# Its bits/alltypes.h is written by targets/ (with the check that stops a
# target this sysroot does not serve), and libc++ is put there by targets/.
file(COPY "${WASI_LIBC_INCLUDE}/" DESTINATION "${WASI_SYSROOT}/include"
     PATTERN "alltypes.h" EXCLUDE PATTERN "c++" EXCLUDE)
file(COPY "${WASI_LIBC_INCLUDE}/" DESTINATION "${WASI_SYSROOT}/include/wasm32-wasi"
     PATTERN "c++" EXCLUDE)

# Flags for the libraries this project builds for WebAssembly.
set(WASI_LIB_CFLAGS --target=wasm32-wasi "--sysroot=${WASI_SYSROOT}"
    -std=c11 -Oz -Wall -Wextra -Werror=implicit-function-declaration
    -fvisibility=hidden)

# wasi_add_archive(<target> OUTPUT <file.a> SOURCES <src>...
#                  [INCLUDES <dir>...] [DEFINES <def>...] [FLAGS <flag>...]
#                  [DEPENDS <target-or-file>...])
# Compiles the sources for wasm32-wasi against the sealed wasi-libc sysroot
# and archives them. <target> is a custom target producing the archive.
function(wasi_add_archive target)
  cmake_parse_arguments(A "" "OUTPUT" "SOURCES;INCLUDES;DEFINES;FLAGS;DEPENDS"
                        ${ARGN})
  set(objdir "${CMAKE_CURRENT_BINARY_DIR}/${target}.objs")
  set(objs)
  set(flags ${WASI_LIB_CFLAGS} ${A_FLAGS})
  foreach(inc ${A_INCLUDES})
    list(APPEND flags "-I${inc}")
  endforeach()
  foreach(def ${A_DEFINES})
    list(APPEND flags "-D${def}")
  endforeach()
  foreach(src ${A_SOURCES})
    get_filename_component(abs "${src}" ABSOLUTE)
    get_filename_component(name "${src}" NAME_WE)
    set(obj "${objdir}/${name}.o")
    if(obj IN_LIST objs)
      message(FATAL_ERROR "${target}: two sources named ${name}")
    endif()
    add_custom_command(
      OUTPUT "${obj}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${objdir}"
      COMMAND "${WASI_CLANG}" ${flags} -MD -MF "${obj}.d" -c "${abs}" -o "${obj}"
      DEPENDS "${abs}" ${A_DEPENDS}
      DEPFILE "${obj}.d"
      COMMENT "wasm32 CC ${name}.c"
      VERBATIM)
    list(APPEND objs "${obj}")
  endforeach()
  get_filename_component(outdir "${A_OUTPUT}" DIRECTORY)
  add_custom_command(
    OUTPUT "${A_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND "${CMAKE_COMMAND}" -E remove -f "${A_OUTPUT}"
    COMMAND "${WASI_AR}" crs "${A_OUTPUT}" ${objs}
    DEPENDS ${objs}
    COMMENT "wasm32 AR ${target}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${A_OUTPUT}")
endfunction()

# wasi_add_program(<target> TRIPLE <triple> OUTPUT <file.wasm>
#                  SOURCES <src>... [FLAGS <flag>...] [DEPENDS ...])
# Compiles and links a program with build/bin/<triple>-clang, exactly as a
# user would. Depends on the toolchain target, so the sysroot is complete.
function(wasi_add_program target)
  cmake_parse_arguments(A "NOT_ALL" "TRIPLE;OUTPUT" "SOURCES;FLAGS;DEPENDS"
                        ${ARGN})
  set(srcs)
  foreach(src ${A_SOURCES})
    get_filename_component(abs "${src}" ABSOLUTE)
    list(APPEND srcs "${abs}")
  endforeach()
  get_filename_component(outdir "${A_OUTPUT}" DIRECTORY)
  # the component triples' sysroot parts are made by targets/wasip2
  set(part "${CMAKE_BINARY_DIR}/targets/${A_TRIPLE}.sysroot.stamp")
  set(tools toolchain)
  if(A_TRIPLE MATCHES "^wasm32-wasip2")
    set(part "${CMAKE_BINARY_DIR}/targets/wasip2/${A_TRIPLE}.sysroot.stamp")
    set(tools wasi_p2)
  endif()
  add_custom_command(
    OUTPUT "${A_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND "${WASI_BIN_DIR}/${A_TRIPLE}-clang" ${A_FLAGS} ${srcs}
            -o "${A_OUTPUT}"
    DEPENDS ${srcs} ${tools} "${part}" ${A_DEPENDS}
    COMMENT "${A_TRIPLE} ${target}"
    VERBATIM)
  if(A_NOT_ALL)
    add_custom_target(${target} DEPENDS "${A_OUTPUT}")
  else()
    add_custom_target(${target} ALL DEPENDS "${A_OUTPUT}")
  endif()
endfunction()
