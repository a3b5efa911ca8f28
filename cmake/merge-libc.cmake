# cmake -P merge-libc.cmake: builds a triple's libc.a from wasi-libc's.
#
#   BASE      wasi-libc's libc.a
#   EMULATED  ;-list of wasi-libc's libwasi-emulated-*.a, whose members are
#             added (programs need no -l flag)
#   OVERLAY   ;-list of the overlay's archives
#   CORE      the vfs core's archive (may be empty)
#   YIELD     ON: an overlay object yields to wasi-libc (is left out) when
#             wasi-libc defines every symbol it defines, in members that
#             cannot be replaced (the plain triple's fallbacks); OFF: the
#             overlay always wins (the vfs triple)
#   DROP_NAMES     file of symbol names, one per line (may be empty): the
#             members of BASE that define one are left out (the io triple:
#             the calls its headers declare unavailable)
#   DROP_USERS_OF  regular expression (may be empty): the members of BASE
#             that refer to a matching symbol are left out (the io triple:
#             wasi-libc's wrappers of the preview1 calls on names); it must
#             match a reference, or wasi-libc changed and the merge fails
#   YIELDS    ;-list of overlay object names (as in their archives) that
#             give way the same way also when YIELD is OFF: objects whose
#             calls wasi-libc's do as well (pthread_self.o: a wasi-libc that
#             defines it with the thread structure its other members use)
#   IF_BASE   ;-list of overlay object names merged only over a wasi-libc
#             that defines a symbol they define (pthread_join_np.o: GNU
#             calls a wasi-libc may define beside one the overlay replaces);
#             over any other they are left out
#   AR NM     llvm-ar, llvm-nm
#   WORK      scratch directory; WORK/replaced.txt lists, after a merge, the
#             members left out and the objects that yielded
#   OUT       the merged archive
#
# Which members of BASE to replace is read from the archives themselves,
# so that any wasi-libc works (Debian 12's, Debian 13's, wasi-sdk's): a
# member of BASE is replaced when it defines an external symbol that the
# overlay or the core defines. Its other symbols go with it, which is
# allowed only for a symbol in the implementation's namespace ("__x" or
# "_X") that nothing in the result refers to (wasi-libc's internal state
# of the calls replaced, e.g. __wasilibc_cwd of getcwd.o). Otherwise the
# member defines both a replaced symbol and a kept one: the merge fails,
# naming the member and both, unless YIELD lets the overlay's objects give
# way. A member of an emulation archive that defines an overlay symbol is
# left out the same way, when all else it defines is the overlay's or
# reserved; otherwise the merge fails. It also fails when a member name
# would be taken twice. Weak references ("w") need no definition and count
# as no use.
#
# Members left out by DROP_NAMES or DROP_USERS_OF take with them every
# kept member that refers to a symbol only left-out members define, until
# none is left (fts.o needs open and opendir); each is named on stderr. An
# overlay object that refers to such a symbol fails the merge.
#
# Result: BASE minus the replaced and left-out members, plus the emulation
# members left in, the overlay objects (prefixed "ovl-") and the vfs core
# objects (prefixed "vfs-"), with a fresh symbol index. wasi_merge_libc()
# (WasiLibc.cmake) runs this script for each triple.
cmake_minimum_required(VERSION 3.20)

foreach(v BASE OVERLAY AR NM WORK OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "merge-libc.cmake: ${v} not set")
  endif()
endforeach()

function(_fail)
  string(JOIN "" msg ${ARGN})
  message(FATAL_ERROR "merge-libc: ${msg}")
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

# The external symbols an archive defines (kind "defined") or refers to
# ("undefined"), as a list of "<tag><member>|<symbol>".
function(_symbols archive kind tag out)
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
      list(APPEND res "${tag}${CMAKE_MATCH_1}|${CMAKE_MATCH_4}")
    endif()
  endforeach()
  set(${out} "${res}" PARENT_SCOPE)
endfunction()

# Splits "<owner>|<symbol>" into its parts.
macro(_split pair owner_var sym_var)
  string(REGEX MATCH "^[^|]*" ${owner_var} "${pair}")
  string(REGEX REPLACE "^[^|]*\\|" "" ${sym_var} "${pair}")
endmacro()

# ---- what each side defines --------------------------------------------------
# Overlay and core objects are named "<archive index>:<member>" here.
set(ours)
set(i 0)
foreach(a ${OVERLAY} ${CORE})
  math(EXPR i "${i} + 1")
  _symbols("${a}" defined "${i}:" p)
  list(APPEND ours ${p})
endforeach()
_symbols("${BASE}" defined "" base_defs)
set(emu_defs)
foreach(a ${EMULATED})
  _symbols("${a}" defined "" p)
  list(APPEND emu_defs ${p})
endforeach()

# Per-symbol and per-member tables (variables named after the symbol).
set(base_members_defining)
foreach(p ${base_defs})
  _split("${p}" m s)
  list(APPEND "_base_def_${s}" "${m}")
  list(APPEND "_member_${m}" "${s}")
  list(APPEND base_members_defining "${m}")
endforeach()
list(REMOVE_DUPLICATES base_members_defining)
foreach(p ${emu_defs})
  _split("${p}" m s)
  set("_emu_def_${s}" "${m}")
  list(APPEND "_emu_member_${m}" "${s}")
endforeach()

set(objects)
foreach(p ${ours})
  _split("${p}" o s)
  list(APPEND "_object_${o}" "${s}")
  list(APPEND objects "${o}")
endforeach()
list(REMOVE_DUPLICATES objects)

# IF_BASE objects over a wasi-libc that defines none of their symbols.
set(unneeded)
foreach(o ${objects})
  string(REGEX REPLACE "^[0-9]+:" "" oname "${o}")
  if(oname IN_LIST IF_BASE)
    set(in_base FALSE)
    foreach(s ${_object_${o}})
      if(DEFINED "_base_def_${s}")
        set(in_base TRUE)
      endif()
    endforeach()
    if(NOT in_base)
      list(APPEND unneeded "${o}")
    endif()
  endif()
endforeach()
if(unneeded)
  list(REMOVE_ITEM objects ${unneeded})
endif()

# A member of an emulation archive that defines a symbol the overlay
# defines is left out (getrusage.o of the process-clocks emulation), when
# everything else it defines is the overlay's too or reserved ("__x",
# "_X") and unused; otherwise the two collide and the merge fails.
set(our_all)
foreach(p ${ours})
  _split("${p}" o s)
  list(APPEND our_all "${s}")
endforeach()
set(emu_out)
set(clash)
foreach(p ${ours})
  _split("${p}" o s)
  if(DEFINED "_emu_def_${s}")
    set(m "${_emu_def_${s}}")
    if(m IN_LIST emu_out)
      continue()
    endif()
    list(APPEND emu_out "${m}")
    foreach(t ${_emu_member_${m}})
      if(NOT t IN_LIST our_all AND NOT t MATCHES "^_[_A-Z]")
        list(APPEND clash "${m} defines ${s}, which the overlay defines, and ${t}, which it does not")
      endif()
    endforeach()
  endif()
endforeach()
if(clash)
  string(JOIN ", " clash ${clash})
  _fail("cannot leave out members of a wasi-libc emulation archive: ${clash}")
endif()

# What refers to what: "<member>|<symbol>" for BASE (a replaced member's
# references go with it), and a flag per symbol for the rest.
_symbols("${BASE}" undefined "" base_refs)
foreach(a ${EMULATED})
  _symbols("${a}" undefined "" p)
  foreach(q ${p})
    _split("${q}" m s)
    set("_emu_ref_${s}" 1)
  endforeach()
endforeach()
set(i 0)
foreach(a ${OVERLAY} ${CORE})
  math(EXPR i "${i} + 1")
  _symbols("${a}" undefined "${i}:" p)
  foreach(q ${p})
    _split("${q}" o s)
    list(APPEND "_object_refs_${o}" "${s}")
  endforeach()
endforeach()

# ---- what DROP_NAMES and DROP_USERS_OF leave out ------------------------------
set(dropped)
if(DROP_NAMES)
  file(STRINGS "${DROP_NAMES}" drop_names)
  foreach(s ${drop_names})
    if(DEFINED "_base_def_${s}")
      list(APPEND dropped ${_base_def_${s}})
    endif()
  endforeach()
endif()
if(DROP_USERS_OF)
  set(matched FALSE)
  foreach(q ${base_refs})
    _split("${q}" m s)
    if(s MATCHES "${DROP_USERS_OF}")
      list(APPEND dropped "${m}")
      set(matched TRUE)
    endif()
  endforeach()
  if(NOT matched)
    _fail("no member of ${BASE} refers to a symbol matching "
          "${DROP_USERS_OF}: wasi-libc changed, review DROP_USERS_OF")
  endif()
endif()
# A kept member that refers to a symbol only left-out members define goes
# too, until none is left.
while(dropped)
  list(REMOVE_DUPLICATES dropped)
  foreach(m ${dropped})
    set("_dropped_${m}" 1)
  endforeach()
  set(more)
  foreach(q ${base_refs})
    _split("${q}" m s)
    if(DEFINED "_dropped_${m}" OR NOT DEFINED "_base_def_${s}")
      continue()
    endif()
    set(gone TRUE)
    foreach(d ${_base_def_${s}})
      if(NOT DEFINED "_dropped_${d}")
        set(gone FALSE)
      endif()
    endforeach()
    if(gone)
      list(APPEND more "${m}")
      list(APPEND "_needs_${m}" "${s}")
    endif()
  endforeach()
  if(NOT more)
    break()
  endif()
  list(REMOVE_DUPLICATES more)
  foreach(m ${more})
    list(REMOVE_DUPLICATES "_needs_${m}")
    string(JOIN " " n ${_needs_${m}})
    message(NOTICE "merge-libc: ${m} left out too, it needs ${n}")
  endforeach()
  list(APPEND dropped ${more})
endwhile()
list(SORT dropped)

# ---- which members go ----------------------------------------------------------
# Repeats when YIELD leaves an object out (its symbols no longer replace).
set(yielded)
while(TRUE)
  set(our_syms)
  foreach(o ${objects})
    if(NOT o IN_LIST yielded)
      list(APPEND our_syms ${_object_${o}})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES our_syms)
  foreach(s ${our_syms})
    set("_ours_${s}" 1)
  endforeach()

  set(members)
  foreach(s ${our_syms})
    foreach(m ${_base_def_${s}})
      if(NOT DEFINED "_dropped_${m}")
        list(APPEND members "${m}")
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES members)
  list(SORT members)

  # Symbols that the members kept, the emulations and our objects use.
  foreach(q ${base_refs})
    _split("${q}" m s)
    if(NOT m IN_LIST members AND NOT DEFINED "_dropped_${m}")
      set("_ref_${s}" 1)
    endif()
  endforeach()
  foreach(o ${objects})
    if(NOT o IN_LIST yielded)
      foreach(s ${_object_refs_${o}})
        set("_ref_${s}" 1)
      endforeach()
    endif()
  endforeach()

  # A member that defines a symbol we keep from it is a conflict.
  set(conflicts)
  set(stuck_syms)
  foreach(m ${members})
    set(replaced)
    set(kept)
    foreach(s ${_member_${m}})
      if(DEFINED "_ours_${s}")
        list(APPEND replaced "${s}")
      elseif(NOT s MATCHES "^_[_A-Z]" OR DEFINED "_ref_${s}"
             OR DEFINED "_emu_ref_${s}")
        list(APPEND kept "${s}")
      endif()
    endforeach()
    if(kept)
      string(JOIN " " r ${replaced})
      string(JOIN " " k ${kept})
      list(APPEND conflicts "${m} defines both replaced symbols (${r}) and kept ones (${k})")
      list(APPEND stuck_syms ${replaced})
    endif()
  endforeach()

  foreach(s ${our_syms})
    unset("_ours_${s}")
  endforeach()
  foreach(q ${base_refs})
    _split("${q}" m s)
    unset("_ref_${s}")
  endforeach()
  foreach(o ${objects})
    foreach(s ${_object_refs_${o}})
      unset("_ref_${s}")
    endforeach()
  endforeach()
  if(NOT conflicts)
    break()
  endif()

  # YIELD (or YIELDS for the objects it names): the objects defining a
  # stuck symbol give way, when wasi-libc defines every symbol they define.
  set(progress FALSE)
  foreach(o ${objects})
    string(REGEX REPLACE "^[0-9]+:" "" oname "${o}")
    if(o IN_LIST yielded OR NOT (YIELD OR oname IN_LIST YIELDS))
      continue()
    endif()
    set(touches FALSE)
    set(all_in_base TRUE)
    foreach(s ${_object_${o}})
      if(s IN_LIST stuck_syms)
        set(touches TRUE)
      endif()
      if(NOT DEFINED "_base_def_${s}")
        set(all_in_base FALSE)
      endif()
    endforeach()
    if(touches AND all_in_base)
      list(APPEND yielded "${o}")
      set(progress TRUE)
    endif()
  endforeach()
  if(NOT progress)
    string(REPLACE ";" "\n  " conflicts "${conflicts}")
    _fail("cannot replace members of ${BASE}:\n  ${conflicts}\n"
          "The overlay defines a symbol that such a member defines together "
          "with symbols it does not; define those too (libc-overlay/src), or "
          "change the overlay's object so that it no longer collides.")
  endif()
endwhile()

# ---- build -----------------------------------------------------------------
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(outdir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${outdir}")
_run(text "${AR}" t "${BASE}")
string(REPLACE "\n" ";" base_members "${text}")
set(names_seen)
foreach(m ${base_members})
  if((m IN_LIST members OR m IN_LIST dropped) AND m IN_LIST names_seen)
    _fail("${BASE} has two members named ${m}; llvm-ar cannot delete the "
          "one that defines what the overlay replaces")
  endif()
  list(APPEND names_seen "${m}")
endforeach()
set(tmp "${WORK}/libc.a")
file(COPY_FILE "${BASE}" "${tmp}")
if(members OR dropped)
  _run(ignored "${AR}" d "${tmp}" ${members} ${dropped})
endif()

set(objs)
set(i 0)
set(yielded_names)
foreach(pair "emu|${EMULATED}" "ovl|${OVERLAY}" "vfs|${CORE}")
  _split("${pair}" prefix archives)
  foreach(a ${archives})
    if(NOT prefix STREQUAL "emu")
      math(EXPR i "${i} + 1")
    endif()
    set(dir "${WORK}/x-${prefix}-${i}")
    file(MAKE_DIRECTORY "${dir}")
    _run(ignored "${AR}" x --output "${dir}" "${a}")
    # every member, whatever its suffix (.o, .c.o, .c.obj)
    file(GLOB got RELATIVE "${dir}" "${dir}/*")
    list(SORT got)
    foreach(o ${got})
      if(prefix STREQUAL "emu" AND o IN_LIST emu_out)
        continue() # replaced by the overlay
      endif()
      if(NOT prefix STREQUAL "emu" AND "${i}:${o}" IN_LIST unneeded)
        continue() # IF_BASE, and wasi-libc defines none of its symbols
      endif()
      if(NOT prefix STREQUAL "emu" AND "${i}:${o}" IN_LIST yielded)
        get_filename_component(an "${a}" NAME)
        list(APPEND yielded_names "${an}(${o})")
        continue()
      endif()
      if(prefix STREQUAL "emu")
        set(name "${o}")
      else()
        set(name "${prefix}-${o}")
      endif()
      if(name IN_LIST base_members AND NOT name IN_LIST members
         AND NOT name IN_LIST dropped)
        _fail("member name ${name} (from ${a}) is already in ${BASE}")
      endif()
      file(RENAME "${dir}/${o}" "${WORK}/${name}")
      list(APPEND objs "${WORK}/${name}")
    endforeach()
  endforeach()
endforeach()
_run(ignored "${AR}" q "${tmp}" ${objs})

# What went with the replaced members must have no users left.
_symbols("${tmp}" defined "" now_defs)
foreach(p ${now_defs})
  _split("${p}" m s)
  set("_now_${s}" 1)
endforeach()
_symbols("${tmp}" undefined "" undefs)
set(dangling)
foreach(p ${undefs})
  _split("${p}" m s)
  if(NOT DEFINED "_now_${s}" AND DEFINED "_base_def_${s}")
    list(APPEND dangling "${m} needs ${s}")
  endif()
endforeach()
if(dangling)
  list(REMOVE_DUPLICATES dangling)
  string(REPLACE ";" "\n  " dangling "${dangling}")
  _fail("replacing or leaving out members of ${BASE} left references to symbols only "
        "they defined:\n  ${dangling}")
endif()

_run(ignored "${AR}" s "${tmp}")
string(JOIN "\n" report
  "# members of ${BASE} left out (the overlay defines what they define)"
  ${members}
  "# members of the emulation archives left out (likewise)"
  ${emu_out}
  "# overlay objects left out (wasi-libc defines what they define)"
  ${yielded_names}
  "# members of ${BASE} left out by DROP_NAMES and DROP_USERS_OF"
  ${dropped} "")
file(WRITE "${WORK}/replaced.txt" "${report}")
file(RENAME "${tmp}" "${OUT}")
