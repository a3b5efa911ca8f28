# cmake -P assemble.cmake: fills one triple's part of the sysroot.
#   TRIPLE        the triple (wasm32-wasi-vfs, ...)
#   SYSROOT       the sysroot being assembled
#   BASE_INCLUDE  optional: wasi-libc's headers, copied into include/TRIPLE
#   BASE_LIB      wasi-libc's libraries for wasm32-wasi
#   HEADER_DIRS   ;-list of folders whose contents become include/TRIPLE.
#                 Headers there wrap wasi-libc's with #include_next, which
#                 finds the wasi-libc copy in SYSROOT/include.
#   LIBS          ;-list of archives placed in lib/TRIPLE over wasi-libc's
#   CXX_LIBS      ;-list of archives placed in lib/TRIPLE as they are
#                 (libc++.a, libc++abi.a: real files, never symlinks into
#                 the host's /usr/lib)
#   CXX_EXTRA     ;-list of objects added to lib/TRIPLE/libc++.a
#   MERGE         ;-list of archives whose members are also added to
#                 lib/TRIPLE/libc.a, so programs link them with no flag
#                 (a member is linked only when something uses it)
#   AR            llvm-ar, for MERGE
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
  file(COPY "${BASE_INCLUDE}/" DESTINATION "${inc}" PATTERN "c++" EXCLUDE)
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
foreach(a ${CXX_LIBS})
  get_filename_component(an "${a}" NAME)
  file(REMOVE "${lib}/${an}")
  file(COPY "${a}" DESTINATION "${lib}")
endforeach()
if(CXX_EXTRA)
  execute_process(COMMAND "${AR}" qs "${lib}/libc++.a" ${CXX_EXTRA}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "assemble.cmake: cannot add ${CXX_EXTRA} to ${lib}/libc++.a")
  endif()
endif()
foreach(a ${MERGE})
  # Members are renamed <archive>.<member> so that none can replace a
  # libc member of the same name.
  get_filename_component(an "${a}" NAME_WE)
  set(tmp "${lib}/.merge-${an}")
  file(REMOVE_RECURSE "${tmp}")
  file(MAKE_DIRECTORY "${tmp}")
  execute_process(COMMAND "${AR}" x "${a}" WORKING_DIRECTORY "${tmp}"
                  RESULT_VARIABLE rc)
  file(GLOB members "${tmp}/*.o")
  set(renamed)
  foreach(m ${members})
    get_filename_component(mn "${m}" NAME)
    file(RENAME "${m}" "${tmp}/${an}.${mn}")
    list(APPEND renamed "${tmp}/${an}.${mn}")
  endforeach()
  if(NOT rc EQUAL 0 OR NOT renamed)
    message(FATAL_ERROR "assemble.cmake: cannot read the members of ${a}")
  endif()
  execute_process(COMMAND "${AR}" qs "${lib}/libc.a" ${renamed}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "assemble.cmake: cannot add ${a} to ${lib}/libc.a")
  endif()
  file(REMOVE_RECURSE "${tmp}")
endforeach()
file(TOUCH "${STAMP}")
