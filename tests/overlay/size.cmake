# cmake -P size.cmake: what the overlay and the vfs core add to a program.
#
#   WASI_CLANG  build/bin/wasm32-wasi-clang
#   VFS_CLANG   build/bin/wasm32-wasi-vfs-clang
#   SOURCE      the program
#   LIMIT       bytes the wasm32-wasi-vfs build may add to the wasm32-wasi one
#   WORK        scratch directory
#   OPTIONS     ;-list of driver options for the wasm32-wasi-vfs link
#               (e.g. --vfs-no-transfer), and the name's suffix
#
# Builds SOURCE for both triples with -Oz -Wl,--strip-all, prints the
# figures, and fails when the difference exceeds LIMIT.
cmake_minimum_required(VERSION 3.20)

get_filename_component(name "${SOURCE}" NAME_WE)
file(MAKE_DIRECTORY "${WORK}")
set(WASI_OPTIONS)
set(VFS_OPTIONS ${OPTIONS})
if(OPTIONS)
  string(APPEND name "${OPTIONS}")
endif()
foreach(t WASI VFS)
  set(out "${WORK}/${name}-${t}.wasm")
  execute_process(COMMAND "${${t}_CLANG}" -Oz -Wl,--strip-all "${SOURCE}"
                          ${${t}_OPTIONS} -o "${out}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${${t}_CLANG} failed on ${SOURCE}:\n${err}")
  endif()
  file(SIZE "${out}" size_${t})
endforeach()
math(EXPR cost "${size_VFS} - ${size_WASI}")
message("${name}: wasm32-wasi ${size_WASI} bytes, wasm32-wasi-vfs "
        "${size_VFS} bytes: overlay + vfs cost ${cost} bytes "
        "(limit ${LIMIT})")
if(cost GREATER LIMIT)
  message(FATAL_ERROR "${name}: the overlay and vfs core add ${cost} bytes, "
          "more than ${LIMIT}")
endif()
