# cmake -P symbols.cmake: the overlay's symbol lists, locked.
#
#   NM         llvm-nm
#   ARCHIVES   ;-list of the overlay's archives (liboverlay.a, libsjlj.a)
#   DEFINED    defined-symbols.txt: external symbols the objects define
#   UNDEFINED  undefined-symbols.txt: symbols they use and none defines
#   UPDATE     if true, rewrite the two files instead of comparing
#
# Fails with a diff (lines starting "+" are new in the build, "-" are only
# in the locked file) when the build's lists differ from the files.
cmake_minimum_required(VERSION 3.20)

set(defined)
set(undefined)
foreach(a ${ARCHIVES})
  foreach(kind defined undefined)
    execute_process(COMMAND "${NM}" --${kind}-only --extern-only
                            --format=just-symbols "${a}"
                    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${NM} failed on ${a}")
    endif()
    string(REPLACE "\n" ";" lines "${out}")
    foreach(l ${lines})
      # skip the "member.o:" headers and blank lines
      if(NOT l STREQUAL "" AND NOT l MATCHES ":$")
        list(APPEND ${kind} "${l}")
      endif()
    endforeach()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES defined)
list(REMOVE_DUPLICATES undefined)
list(REMOVE_ITEM undefined ${defined})
list(SORT defined)
list(SORT undefined)

set(failed 0)
foreach(kind defined undefined)
  string(TOUPPER ${kind} var)
  set(file "${${var}}")
  string(REPLACE ";" "\n" text "${${kind}}")
  set(text "${text}\n")
  if(UPDATE)
    file(WRITE "${file}" "${text}")
    message(STATUS "wrote ${file}")
    continue()
  endif()
  file(STRINGS "${file}" locked)
  set(added ${${kind}})
  set(removed ${locked})
  if(locked)
    list(REMOVE_ITEM added ${locked})
  endif()
  if(${kind})
    list(REMOVE_ITEM removed ${${kind}})
  endif()
  if(added OR removed)
    set(failed 1)
    set(diff "")
    foreach(s ${added})
      string(APPEND diff "+${s}\n")
    endforeach()
    foreach(s ${removed})
      string(APPEND diff "-${s}\n")
    endforeach()
    message("${kind} symbols differ from ${file}:\n${diff}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "symbol lists changed; if that is intended, update "
          "them with: cmake -DUPDATE=1 -DNM=... -DARCHIVES=... ... -P "
          "symbols.cmake (the test's command line, plus -DUPDATE=1)")
endif()
