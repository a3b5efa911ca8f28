# debian_source(<package> DIR_VAR <var> FILES <file>...)
#
# Fetches the Debian source package <package> at build time (never at
# configure time) with tests/support/debian-source.sh, into WASI_DEBIAN_CACHE
# (once; later builds need no network), and links the unpacked tree at
# <build>/debian/<package>. Sets <var> to that path. FILES are the files of
# the tree the build uses (relative paths): rules that depend on them run
# after the fetch. Target: debian_<package>. A second call for the same
# package (another folder) only sets <var>; its rules then depend on the
# target debian_<package> for ordering.
include_guard(GLOBAL)

function(debian_source package)
  cmake_parse_arguments(A "" "DIR_VAR" "FILES" ${ARGN})
  set(dir "${CMAKE_BINARY_DIR}/debian/${package}")
  if(TARGET debian_${package})
    set(${A_DIR_VAR} "${dir}" PARENT_SCOPE)
    return()
  endif()
  set(files)
  foreach(f ${A_FILES})
    list(APPEND files "${dir}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${dir}.stamp"
    BYPRODUCTS ${files}
    COMMAND sh "${CMAKE_SOURCE_DIR}/tests/support/debian-source.sh"
            "${package}" "${WASI_DEBIAN_CACHE}" "${dir}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${dir}.stamp"
    COMMENT "Debian source of ${package} (cache ${WASI_DEBIAN_CACHE})"
    VERBATIM)
  add_custom_target(debian_${package} DEPENDS "${dir}.stamp")
  set(${A_DIR_VAR} "${dir}" PARENT_SCOPE)
endfunction()
