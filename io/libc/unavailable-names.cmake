# wasi_io_unavailable_names(<out-file> <header>...): writes the names of
# the calls that the io triple's wrapper headers declare unavailable
# (__WASI_IO_NAMES, __WASI_IO_NAMES_VFS), one per line. The headers are the
# one list of what wasm32-wasi-io lacks: its libc.a leaves out the members
# of wasi-libc that define these (wasi_merge_libc DROP_NAMES), so that a
# call which avoids the headers fails at link time too.
#
# The headers' declarations end with the attribute macro and a ';', and
# name the call as the first identifier followed by '('; comments and
# preprocessor lines are removed first. Fails when a header yields none.
function(wasi_io_unavailable_names out)
  set(names)
  foreach(h ${ARGN})
    file(READ "${h}" text)
    string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" text "${text}")
    string(REPLACE "\\\n" " " text "${text}")
    string(REGEX REPLACE "(^|\n)[ \t]*#[^\n]*" "\\1" text "${text}")
    string(REPLACE ";" "<semi>" text "${text}")
    string(REPLACE "<semi>" ";" statements "${text}")
    set(found 0)
    foreach(st IN LISTS statements)
      if(st MATCHES "__WASI_IO_NAMES"
         AND st MATCHES "([A-Za-z_][A-Za-z0-9_]*)[ \t\n]*\\(")
        list(APPEND names "${CMAKE_MATCH_1}")
        math(EXPR found "${found} + 1")
      endif()
    endforeach()
    if(found EQUAL 0 AND NOT h MATCHES "__wasi_io_no_names.h$")
      message(FATAL_ERROR "wasi_io_unavailable_names: ${h} declares no call unavailable")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  string(JOIN "\n" text ${names})
  file(WRITE "${out}.tmp" "${text}\n")
  file(COPY_FILE "${out}.tmp" "${out}" ONLY_IF_DIFFERENT)
  file(REMOVE "${out}.tmp")
endfunction()
