# wasi_merge_libc(): the one way each triple's libc.a is made from
# wasi-libc's (WASI_LIBC_LIB/libc.a), by merge-libc.cmake next to this file.
#
# wasi_merge_libc(<target> OUTPUT <libc.a> WORK <dir> ADD <archive>...
#                 [CORE <archive>] [EMULATED <archive>...] [YIELD]
#                 [YIELDS <object>...] [IF_BASE <object>...]
#                 [DROP_NAMES <file>] [DROP_USERS_OF <regex>]
#                 [DEPENDS <target-or-file>...] [TRIPLE <triple>])
#
#   ADD       the triple's own archives: a member of wasi-libc that defines
#             what they define is replaced (members found from the archives'
#             symbols, never from a list; a real conflict fails the build)
#   CORE      the vfs core's archive, added like ADD
#   EMULATED  wasi-libc's libwasi-emulated-*.a whose members are added, so
#             programs need no -l flag
#   YIELD     an ADD object gives way where wasi-libc defines all it defines
#   YIELDS    the same for the ADD objects named (as in their archives) only
#   IF_BASE   ADD objects merged only over a wasi-libc that defines one of
#             their symbols
#   DROP_NAMES, DROP_USERS_OF
#             members left out with all that needs them (merge-libc.cmake)
#   WORK      scratch directory; WORK/replaced.txt lists what was left out
#
# <target> is an ALL custom target that produces OUTPUT. With TRIPLE, OUTPUT
# and <target> are recorded as that triple's libc (wasi_triple_add), and the
# ADD archives as its OVERLAY_ARCHIVES.
set(_wasi_merge_libc_script "${CMAKE_CURRENT_LIST_DIR}/merge-libc.cmake")

function(wasi_merge_libc target)
  cmake_parse_arguments(A "YIELD" "OUTPUT;WORK;CORE;DROP_NAMES;DROP_USERS_OF;TRIPLE"
                        "ADD;EMULATED;DEPENDS;YIELDS;IF_BASE" ${ARGN})
  foreach(v OUTPUT WORK ADD)
    if(NOT A_${v})
      message(FATAL_ERROR "wasi_merge_libc(${target}): ${v} not given")
    endif()
  endforeach()
  if(A_YIELD)
    set(yield ON)
  else()
    set(yield OFF)
  endif()
  set(base "${WASI_LIBC_LIB}/libc.a")
  add_custom_command(
    OUTPUT "${A_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DBASE=${base}" "-DEMULATED=${A_EMULATED}"
            "-DOVERLAY=${A_ADD}" "-DCORE=${A_CORE}" "-DYIELD=${yield}"
            "-DYIELDS=${A_YIELDS}" "-DIF_BASE=${A_IF_BASE}"
            "-DDROP_NAMES=${A_DROP_NAMES}" "-DDROP_USERS_OF=${A_DROP_USERS_OF}"
            "-DAR=${WASI_AR}" "-DNM=${WASI_NM}" "-DWORK=${A_WORK}"
            "-DOUT=${A_OUTPUT}" -P "${_wasi_merge_libc_script}"
    DEPENDS "${_wasi_merge_libc_script}" "${base}" ${A_EMULATED} ${A_ADD}
            ${A_CORE} ${A_DROP_NAMES} ${A_DEPENDS}
    COMMENT "${target}: libc.a"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${A_OUTPUT}")
  if(A_TRIPLE)
    wasi_triple_add(${A_TRIPLE} LIBS "${A_OUTPUT}" TARGETS ${target}
                    OVERLAY_ARCHIVES ${A_ADD})
  endif()
endfunction()

# wasi_triple_add(<triple> [HEADERS <dir>...] [LIBS <archive>...]
#                 [TARGETS <target>...] [OVERLAY_ARCHIVES <archive>...])
# wasi_triple_get(<triple> <HEADERS|LIBS|TARGETS|OVERLAY_ARCHIVES> <var>)
# The parts of each triple's sysroot, recorded by the folder that builds
# them and read by targets/ (which assembles the sysroot) and the tests.
# <triple> is wasm32-wasi, wasm32-wasi-vfs, wasm32-wasi-io, or "common"
# for what every triple gets (io/'s wasi_io.h and libwasi-io.a, whose
# members are merged into each libc.a). Folders are added in dependency
# order (the top CMakeLists.txt), so a reader sees every part.
function(wasi_triple_add triple)
  cmake_parse_arguments(A "" "" "HEADERS;LIBS;TARGETS;OVERLAY_ARCHIVES" ${ARGN})
  foreach(kind HEADERS LIBS TARGETS OVERLAY_ARCHIVES)
    if(A_${kind})
      set_property(GLOBAL APPEND PROPERTY "WASI_TRIPLE_${triple}_${kind}" ${A_${kind}})
    endif()
  endforeach()
endfunction()

function(wasi_triple_get triple kind var)
  get_property(v GLOBAL PROPERTY "WASI_TRIPLE_${triple}_${kind}")
  if(NOT v)
    message(FATAL_ERROR "wasi_triple_get: no ${kind} recorded for ${triple}")
  endif()
  set(${var} "${v}" PARENT_SCOPE)
endfunction()
