# WasiExecutable.cmake: one C program built for several triples, and the
# size report of everything built that way. For any CMake project (the
# project's own compiler stays what it is):
#
#   include(<prefix>/share/cmake/WasiExecutable.cmake)
#   add_wasi_executable(<name> SOURCES <file>... [TRIPLES <triple>...]
#                       [FLAGS <flag>...] [DEPENDS <file-or-target>...])
#
# Which triples can take the program is decided when CMake configures, by
# wasi-triple's rules (the C library symbols its objects need; the sources
# are compiled with <prefix>/bin/wasm32-wasi-vfs-clang -c FLAGS for that):
#  - without TRIPLES, every triple that can take it (wasm32-wasi,
#    wasm32-wasi-vfs, wasm32-wasi-io); none stops the configuration;
#  - with TRIPLES (either spelling: wasm32-wasi-vfs or wasm32-wasip1-vfs),
#    a triple that cannot stops the configuration with
#    "add_wasi_executable(<name>): <triple> cannot take the program: ...".
# Inside this project's own build, whose sysroot the build makes, the
# TRIPLES given are built as they are (and TRIPLES is required).
# For each triple builds <name>.<triple>.wasm in the current binary folder with
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
set(WASI_EXECUTABLE_TRIPLES wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io
    wasm32-wasip1 wasm32-wasip1-vfs wasm32-wasip1-io)

# _wasi_executable_verdict(<name> <out> <flags> <sources>...): sets <out> to
# wasi-triple --brief's lines ("<triple> yes", "<triple> no: ...") on the
# sources compiled for wasm32-wasi-vfs.
function(_wasi_executable_verdict name out flags)
  set(bin "${WASI_EXECUTABLE_PREFIX}/bin")
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/${name}.wasi-triple")
  file(REMOVE_RECURSE "${dir}")
  file(MAKE_DIRECTORY "${dir}")
  set(objs)
  set(i 0)
  foreach(src ${ARGN})
    math(EXPR i "${i} + 1")
    execute_process(
      COMMAND "${bin}/wasm32-wasi-vfs-clang" ${flags} -c "${src}" -o "${dir}/${i}.o"
      RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "add_wasi_executable(${name}): ${src} does not "
                          "compile for wasm32-wasi-vfs:\n${err}")
    endif()
    list(APPEND objs "${dir}/${i}.o")
  endforeach()
  execute_process(COMMAND "${bin}/wasi-triple" --brief ${objs}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE verdict ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
    message(FATAL_ERROR "add_wasi_executable(${name}): wasi-triple failed: ${err}")
  endif()
  set(${out} "${verdict}" PARENT_SCOPE)
endfunction()

function(add_wasi_executable name)
  cmake_parse_arguments(A "" "" "SOURCES;TRIPLES;FLAGS;DEPENDS" ${ARGN})
  if(A_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_wasi_executable(${name}): unexpected arguments "
                        "${A_UNPARSED_ARGUMENTS} (SOURCES, TRIPLES, FLAGS, DEPENDS)")
  endif()
  if(NOT A_SOURCES)
    message(FATAL_ERROR "add_wasi_executable(${name}): no SOURCES")
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
  foreach(t ${A_TRIPLES})
    if(NOT t IN_LIST WASI_EXECUTABLE_TRIPLES)
      message(FATAL_ERROR "add_wasi_executable(${name}): unknown triple ${t} "
                          "(known: ${WASI_EXECUTABLE_TRIPLES})")
    endif()
  endforeach()
  if(NOT TARGET toolchain)
    _wasi_executable_verdict(${name} verdict "${A_FLAGS}" ${srcs})
    set(can)
    set(why)
    foreach(t wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io)
      if(verdict MATCHES "(^|\n)${t} yes")
        list(APPEND can ${t})
      elseif(verdict MATCHES "(^|\n)${t} ([^\n]*)")
        string(APPEND why "\n  ${t} ${CMAKE_MATCH_2}")
        set(why_${t} "${CMAKE_MATCH_2}")
      endif()
    endforeach()
    if(NOT A_TRIPLES)
      if(NOT can)
        message(FATAL_ERROR "add_wasi_executable(${name}): no triple can take "
                            "the program:${why}")
      endif()
      set(A_TRIPLES ${can})
    else()
      foreach(t ${A_TRIPLES})
        string(REPLACE "wasm32-wasip1" "wasm32-wasi" own "${t}")
        if(NOT own IN_LIST can)
          message(FATAL_ERROR "add_wasi_executable(${name}): ${t} cannot take "
                              "the program: ${why_${own}}")
        endif()
      endforeach()
    endif()
  elseif(NOT A_TRIPLES)
    message(FATAL_ERROR "add_wasi_executable(${name}): give TRIPLES (inside "
                        "this project the sysroot is not built when CMake configures)")
  endif()
  set(outs)
  set(rows)
  foreach(t ${A_TRIPLES})
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
