# cmake -P imports.cmake: the import audit of a wasm32-wasi-vfs module.
#
#   OBJDUMP  wasm-objdump (wabt)
#   MODULE   the module
#   ALLOWED  ;-list of the wasi_snapshot_preview1 functions it may import
#
# Fails, listing them, if the module imports anything else (any other
# function, or anything from another module).
cmake_minimum_required(VERSION 3.20)

execute_process(COMMAND "${OBJDUMP}" -x -j Import "${MODULE}"
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OBJDUMP} failed on ${MODULE}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(bad)
set(seen)
foreach(l ${lines})
  if(l MATCHES "<- ([^ ]+)$")
    set(imp "${CMAKE_MATCH_1}")
    list(APPEND seen "${imp}")
    if(imp MATCHES "^wasi_snapshot_preview1\\.(.+)$")
      if(NOT CMAKE_MATCH_1 IN_LIST ALLOWED)
        list(APPEND bad "${imp}")
      endif()
    else()
      list(APPEND bad "${imp}")
    endif()
  endif()
endforeach()
string(REPLACE ";" " " seen "${seen}")
message("${MODULE} imports: ${seen}")
if(bad)
  string(REPLACE ";" "\n  " bad "${bad}")
  message(FATAL_ERROR "imports outside the allowed list:\n  ${bad}")
endif()
