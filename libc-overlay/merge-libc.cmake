# cmake -P merge-libc.cmake: builds lib/wasm32-wasi-vfs/libc.a.
#
#   BASE      wasi-libc's libc.a
#   EMULATED  ;-list of wasi-libc's libwasi-emulated-*.a, whose members are
#             added (programs need no -l flag)
#   OVERLAY   ;-list of the overlay's archives
#   CORE      the vfs core's archive
#   REPLACED  replaced-members.txt (members to delete, from BASE or from an
#             EMULATED archive; symbols to drop)
#   AR NM     llvm-ar, llvm-nm
#   WORK      scratch directory
#   OUT       the merged archive
#
# Result: BASE minus the replaced members, plus the emulation members, the
# overlay objects (prefixed "ovl-") and the vfs core objects (prefixed
# "vfs-"), with a fresh symbol index. Fails, saying why, when:
#  - a listed member is not in BASE;
#  - a deleted member defines an external symbol nobody else defines and
#    that is not listed with "drop";
#  - a dropped symbol is still referred to by something in the result;
#  - a symbol the overlay or core defines is also defined by a member left
#    in the result (the archive index would pick one of them at random).
cmake_minimum_required(VERSION 3.20)

foreach(v BASE OVERLAY CORE REPLACED AR NM WORK OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "merge-libc.cmake: ${v} not set")
  endif()
endforeach()

function(_fail)
  string(JOIN "" msg ${ARGN})
  message(FATAL_ERROR "libc-overlay: ${msg}")
endfunction()

function(_run out)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(JOIN " " cmd ${ARGN})
    _fail("command failed (${rc}): ${cmd}\n${e}")
  endif()
  set(${out} "${o}" PARENT_SCOPE)
endfunction()

# "member sym" pairs of the external symbols an archive defines (defined)
# or refers to (undefined), as a list of "member|symbol".
function(_symbols archive kind out)
  if(kind STREQUAL "defined")
    set(flag --defined-only)
  else()
    set(flag --undefined-only)
  endif()
  _run(text "${NM}" -A ${flag} --extern-only "${archive}")
  string(REPLACE "\n" ";" lines "${text}")
  set(res)
  foreach(l ${lines})
    # <archive>:<member>: [addr] T symbol; a weak reference ("w": null
    # when nothing defines it) needs no definition and is left out
    if(l MATCHES "^.*:([^:]+): +([0-9a-fA-F]+ +)?([A-Za-z]) +([^ ]+)$"
       AND NOT CMAKE_MATCH_3 STREQUAL "w")
      list(APPEND res "${CMAKE_MATCH_1}|${CMAKE_MATCH_4}")
    endif()
  endforeach()
  set(${out} "${res}" PARENT_SCOPE)
endfunction()

function(_names pairs out)
  set(res)
  foreach(p ${pairs})
    string(REGEX REPLACE "^[^|]*\\|" "" s "${p}")
    list(APPEND res "${s}")
  endforeach()
  list(REMOVE_DUPLICATES res)
  set(${out} "${res}" PARENT_SCOPE)
endfunction()

# ---- the list ---------------------------------------------------------------
file(STRINGS "${REPLACED}" lines)
set(members)
set(drops)
foreach(l ${lines})
  string(REGEX REPLACE "#.*" "" l "${l}")
  string(STRIP "${l}" l)
  if(l STREQUAL "")
    continue()
  elseif(l MATCHES "^drop +([^ ]+)$")
    list(APPEND drops "${CMAKE_MATCH_1}")
  elseif(l MATCHES "^[^ ]+\\.o$")
    list(APPEND members "${l}")
  else()
    _fail("${REPLACED}: cannot read the line \"${l}\"")
  endif()
endforeach()

_run(text "${AR}" t "${BASE}")
string(REPLACE "\n" ";" base_members "${text}")
set(emu_members)
foreach(a ${EMULATED})
  _run(text "${AR}" t "${a}")
  string(REPLACE "\n" ";" text "${text}")
  list(APPEND emu_members ${text})
endforeach()
foreach(m ${members})
  if(NOT m IN_LIST base_members AND NOT m IN_LIST emu_members)
    _fail("${REPLACED} lists ${m}, but neither ${BASE} nor an emulation "
          "archive has such a member")
  endif()
endforeach()

# ---- what is provided and what goes away ----------------------------------
set(ours)
foreach(a ${OVERLAY} ${CORE})
  _symbols("${a}" defined p)
  list(APPEND ours ${p})
endforeach()
_names("${ours}" our_syms)

set(emu_defs)
foreach(a ${EMULATED})
  _symbols("${a}" defined p)
  list(APPEND emu_defs ${p})
endforeach()

_symbols("${BASE}" defined base_defs)
list(APPEND base_defs ${emu_defs})
set(missing)
set(kept_defs)
foreach(p ${base_defs})
  string(REGEX MATCH "^[^|]*" m "${p}")
  string(REGEX REPLACE "^[^|]*\\|" "" s "${p}")
  if(m IN_LIST members)
    if(NOT s IN_LIST our_syms AND NOT s IN_LIST drops)
      list(APPEND missing "${s} (${m})")
    endif()
  else()
    list(APPEND kept_defs "${s}")
  endif()
endforeach()
if(missing)
  string(REPLACE ";" "\n  " missing "${missing}")
  _fail("deleting these members of ${BASE} would lose symbols the overlay "
        "does not define:\n  ${missing}\n"
        "Define them in libc-overlay/src, or list them in ${REPLACED} "
        "with \"drop\" if nothing needs them.")
endif()

set(clash)
foreach(s ${our_syms})
  if(s IN_LIST kept_defs)
    list(APPEND clash "${s}")
  endif()
endforeach()
if(clash)
  string(REPLACE ";" " " clash "${clash}")
  _fail("these symbols are defined both by the overlay (or the vfs core) "
        "and by a member kept from wasi-libc: ${clash}\n"
        "List the wasi-libc member in ${REPLACED}.")
endif()

# ---- build -----------------------------------------------------------------
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(outdir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${outdir}")
set(tmp "${WORK}/libc.a")
file(COPY_FILE "${BASE}" "${tmp}")
set(base_deleted)
foreach(m ${members})
  if(m IN_LIST base_members)
    list(APPEND base_deleted "${m}")
  endif()
endforeach()
if(base_deleted)
  _run(ignored "${AR}" d "${tmp}" ${base_deleted})
endif()

set(objs)
set(i 0)
foreach(pair "emu|${EMULATED}" "ovl|${OVERLAY}" "vfs|${CORE}")
  string(REGEX MATCH "^[^|]*" prefix "${pair}")
  string(REGEX REPLACE "^[^|]*\\|" "" archives "${pair}")
  foreach(a ${archives})
    math(EXPR i "${i} + 1")
    set(dir "${WORK}/x${i}")
    file(MAKE_DIRECTORY "${dir}")
    _run(ignored "${AR}" x --output "${dir}" "${a}")
    file(GLOB got RELATIVE "${dir}" "${dir}/*.o")
    list(SORT got)
    foreach(o ${got})
      if(prefix STREQUAL "emu" AND o IN_LIST members)
        continue() # replaced by the overlay
      endif()
      if(prefix STREQUAL "emu")
        set(name "${o}")
      else()
        set(name "${prefix}-${o}")
      endif()
      if(name IN_LIST base_members AND NOT name IN_LIST members)
        _fail("member name ${name} (from ${a}) is already in ${BASE}")
      endif()
      file(RENAME "${dir}/${o}" "${WORK}/${name}")
      list(APPEND objs "${WORK}/${name}")
    endforeach()
  endforeach()
endforeach()
_run(ignored "${AR}" q "${tmp}" ${objs})

# Dropped symbols must have no users left.
_symbols("${tmp}" undefined undefs)
foreach(p ${undefs})
  string(REGEX REPLACE "^[^|]*\\|" "" s "${p}")
  if(s IN_LIST drops)
    _fail("${p} still refers to ${s}, which ${REPLACED} drops")
  endif()
endforeach()

_run(ignored "${AR}" s "${tmp}")
file(RENAME "${tmp}" "${OUT}")
