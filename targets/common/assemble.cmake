# cmake -P assemble.cmake: fills one triple's part of the sysroot.
#   TRIPLE        the triple (wasm32-wasi-vfs, ...)
#   SYSROOT       the sysroot being assembled
#   BASE_INCLUDE  optional: wasi-libc's headers, copied into include/TRIPLE
#   BASE_LIB      wasi-libc's libraries for wasm32-wasi
#   HEADER_DIRS   ;-list of folders whose contents become include/TRIPLE.
#                 Headers there wrap wasi-libc's with #include_next, which
#                 finds the wasi-libc copy in SYSROOT/include.
#   LIBS          ;-list of archives placed in lib/TRIPLE over wasi-libc's
#   STAMP         file touched when done
foreach(v TRIPLE SYSROOT BASE_LIB STAMP)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "assemble.cmake: ${v} not set")
  endif()
endforeach()
set(inc "${SYSROOT}/include/${TRIPLE}")
set(lib "${SYSROOT}/lib/${TRIPLE}")
# A triple with BASE_INCLUDE keeps its include folder, copied at configure
# time, because archives compile against it while this runs; file(COPY)
# leaves files whose timestamps match untouched.
if(BASE_INCLUDE)
  file(REMOVE_RECURSE "${lib}")
  file(COPY "${BASE_INCLUDE}/" DESTINATION "${inc}")
else()
  file(REMOVE_RECURSE "${inc}" "${lib}")
endif()
file(MAKE_DIRECTORY "${inc}" "${lib}")
foreach(dir ${HEADER_DIRS})
  file(COPY "${dir}/" DESTINATION "${inc}")
endforeach()
file(COPY "${BASE_LIB}/" DESTINATION "${lib}")
foreach(a ${LIBS})
  file(COPY "${a}" DESTINATION "${lib}")
endforeach()
file(TOUCH "${STAMP}")
