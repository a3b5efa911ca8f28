# WasiExecutable.cmake: one C program built for several triples, and the
# size report of everything built that way. For any CMake project (the
# project's own compiler stays what it is):
#
#   include(<prefix>/share/cmake/WasiExecutable.cmake)
#   add_wasi_executable(<name> SOURCES <file>... [TRIPLES <triple>...]
#                       [FLAGS <flag>...] [DEPENDS <file-or-target>...])
#
# For each TRIPLE (default: wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io)
# builds <name>.<triple>.wasm in the current binary folder with
#   <prefix>/bin/<triple>-clang FLAGS SOURCES -o <name>.<triple>.wasm
# (FLAGS default: -Oz). Targets:
#   <name>.<triple>      one module
#   <name>               all of them (part of ALL)
#   size-report-<name>   wasi-sizes --modules on them: the table of sizes
#                        and host imports, and <name>-sizes.svg beside them
#   size-report          every size-report-<name> of the project
# <prefix> is the folder two levels above this file (an installed prefix,
# or a build tree of this project), or WASI_EXECUTABLE_PREFIX if set.
# Unknown triples, a missing driver and a call without SOURCES stop the
# configuration with a message.
include_guard(GLOBAL)

if(NOT WASI_EXECUTABLE_PREFIX)
  get_filename_component(WASI_EXECUTABLE_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../.."
                         ABSOLUTE)
endif()
set(WASI_EXECUTABLE_TRIPLES wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io)

function(add_wasi_executable name)
  cmake_parse_arguments(A "" "" "SOURCES;TRIPLES;FLAGS;DEPENDS" ${ARGN})
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_wasi_executable(${name}): unexpected arguments "
                        "${A_UNPARSED_ARGUMENTS} (SOURCES, TRIPLES, FLAGS, DEPENDS)")
  endif()
  if(NOT A_SOURCES)
    message(FATAL_ERROR "add_wasi_executable(${name}): no SOURCES")
  endif()
  if(NOT A_TRIPLES)
    set(A_TRIPLES ${WASI_EXECUTABLE_TRIPLES})
  endif()
  if(NOT A_FLAGS)
    set(A_FLAGS -Oz)
  endif()
  set(srcs)
  foreach(s ${A_SOURCES})
    get_filename_component(abs "${s}" ABSOLUTE)
    list(APPEND srcs "${abs}")
  endforeach()
  set(bin "${WASI_EXECUTABLE_PREFIX}/bin")
  set(outs)
  set(rows)
  foreach(t ${A_TRIPLES})
    if(NOT t IN_LIST WASI_EXECUTABLE_TRIPLES)
      message(FATAL_ERROR "add_wasi_executable(${name}): unknown triple ${t} "
                          "(known: ${WASI_EXECUTABLE_TRIPLES})")
    endif()
    set(cc "${bin}/${t}-clang")
    if(NOT EXISTS "${cc}")
      message(FATAL_ERROR "add_wasi_executable(${name}): no ${cc} "
                          "(is ${WASI_EXECUTABLE_PREFIX} a wasi-triples prefix?)")
    endif()
    set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.${t}.wasm")
    set(deps ${srcs} ${A_DEPENDS})
    if(TARGET toolchain) # building inside this project: the sysroot first
      list(APPEND deps toolchain
           "${WASI_EXECUTABLE_PREFIX}/share/wasi-sysroot/lib/${t}/libc.a")
    endif()
    add_custom_command(
      OUTPUT "${out}"
      COMMAND "${cc}" ${A_FLAGS} ${srcs} -o "${out}"
      DEPENDS ${deps}
      COMMENT "${t}-clang ${name}"
      VERBATIM)
    add_custom_target(${name}.${t} DEPENDS "${out}")
    list(APPEND outs "${out}")
    list(APPEND rows "${t}=${out}")
  endforeach()
  add_custom_target(${name} ALL DEPENDS ${outs})
  add_custom_target(size-report-${name}
    COMMAND "${bin}/wasi-sizes" --modules
            --title "${name}: module sizes in bytes (${A_FLAGS})"
            --svg "${CMAKE_CURRENT_BINARY_DIR}/${name}-sizes.svg" ${rows}
    DEPENDS ${outs}
    COMMENT "size report of ${name}: ${CMAKE_CURRENT_BINARY_DIR}/${name}-sizes.svg"
    VERBATIM)
  if(NOT TARGET size-report)
    add_custom_target(size-report)
  endif()
  add_dependencies(size-report size-report-${name})
endfunction()
