# wasm32-wasi's C library and wrapper headers: wasi-libc plus the help of
# this folder that does not need the virtual filesystem, compiled for the
# plain triple from the same sources (nothing is copied):
#  - from ../src: the one user's identity and its user and group databases,
#    fork/exec/wait/kill/system/popen failing with ENOSYS, stream locks,
#    sigaction and the signal-set calls, and the temporary-file calls
#    preview1 can express (mkstemp and family, mkdtemp, mktemp, tmpnam,
#    tempnam, tmpfile: files in the host directory preopened at /tmp);
#    alarm, pause, getrlimit, setrlimit, getpriority, setpriority,
#    getrusage, tzset (WASI_VFS_PLAIN selects this triple's answers);
#    the setjmp/longjmp runtime (libsjlj.a);
#  - from src/: realpath through the host's directories, chmod and chown
#    failing with ENOSYS (preview1 files have no permission bits or
#    owners), umask, the stat family with st_blksize 4096;
#  - wasi-libc's signal, process-clock, getpid and mman emulations, merged
#    into libc.a and turned on by the headers.
# Headers (include/wasm32-wasi, over wasi-libc's): the non-filesystem
# wrappers of ../include, listed below and reused as they are, and plain's
# own unistd.h and fcntl.h from include/; all are gathered at configure
# time in <build>/libc-overlay/plain/include.
#
# Included by ../CMakeLists.txt after the vfs triple's part, in its scope
# (uses _dir, _inc, _emulated, _merge and the wasi_vfs_sjlj target). Sets
# in the parent scope: WASI_PLAIN_HEADERS, WASI_PLAIN_LIBS,
# WASI_PLAIN_TARGETS (read by targets/), WASI_PLAIN_OVERLAY_ARCHIVES.
set(_psrc "${CMAKE_CURRENT_SOURCE_DIR}/plain")
set(_pdir "${CMAKE_CURRENT_BINARY_DIR}/plain")
set(_phdr "${_pdir}/include")

set(_plain_shared_headers
  __typedef_sigset_t.h __wasi_sigaction.h __wasi_vfs_emulated.h
  __wasi_vfs_wait.h __wasi_unistd_common.h
  __wasi_fcntl_locks.h grp.h pwd.h setjmp.h signal.h stdio.h stdlib.h
  time.h pthread.h termios.h sys/mman.h sys/param.h sys/resource.h sys/stat.h sys/times.h
  sys/wait.h)
foreach(h ${_plain_shared_headers})
  configure_file("${_inc}/${h}" "${_phdr}/${h}" COPYONLY)
endforeach()
file(GLOB_RECURSE _plain_own RELATIVE "${_psrc}/include" CONFIGURE_DEPENDS
     "${_psrc}/include/*.h")
foreach(h ${_plain_own})
  if(h IN_LIST _plain_shared_headers)
    message(FATAL_ERROR "libc-overlay/plain/include/${h} is also shared "
                        "from libc-overlay/include")
  endif()
  configure_file("${_psrc}/include/${h}" "${_phdr}/${h}" COPYONLY)
endforeach()
# WasiToolchain.cmake copies wasi-libc's headers to include/wasm32-wasi at
# every configure (archives compile against that folder while the build
# runs). The wrappers go over them at once, so that a reconfigure never
# leaves wasi-libc's signal.h, stdio.h, ... in their place: the sysroot
# step, whose inputs did not change, would not run again to restore them.
file(COPY "${_phdr}/" DESTINATION "${WASI_SYSROOT}/include/wasm32-wasi")

set(_plain_sources)
foreach(f identity pwd grp exec fork wait system popen flockfile sigaction
          randname mkstemp mkdtemp tmpnam tmpfile alarm priority rlimit
          rusage tzset pthread pthread_self pthread_join_np pthread_attr threads
          termios)
  list(APPEND _plain_sources "${CMAKE_CURRENT_SOURCE_DIR}/src/${f}.c")
endforeach()
file(GLOB _plain_own_sources CONFIGURE_DEPENDS "${_psrc}/src/*.c")
list(SORT _plain_own_sources)
list(APPEND _plain_sources ${_plain_own_sources})

# ../src/internal.h (the user's ids, __wasi_vfs_randname) includes <vfs.h>
# for declarations only: nothing here calls the vfs core.
wasi_add_archive(wasi_plain_overlay OUTPUT "${_pdir}/liboverlay-plain.a"
                 SOURCES ${_plain_sources}
                 INCLUDES "${_phdr}" "${VFS_INCLUDE_DIR}"
                 DEFINES _GNU_SOURCE WASI_VFS_PLAIN)

set(_plain_archives "${_pdir}/liboverlay-plain.a" "${_dir}/libsjlj.a")
set(_plain_libc "${_pdir}/lib/libc.a")
add_custom_command(
  OUTPUT "${_plain_libc}"
  COMMAND "${CMAKE_COMMAND}" "-DBASE=${WASI_LIBC_LIB}/libc.a"
          "-DEMULATED=${_emulated}" "-DOVERLAY=${_plain_archives}"
          "-DCORE=" -DYIELD=ON -DIF_BASE=pthread_join_np.o
          "-DAR=${WASI_AR}" "-DNM=${WASI_NM}" "-DWORK=${_pdir}/merge"
          "-DOUT=${_plain_libc}" -P "${_merge}"
  DEPENDS "${_merge}" "${WASI_LIBC_LIB}/libc.a" ${_emulated}
          ${_plain_archives} wasi_plain_overlay wasi_vfs_sjlj
  COMMENT "wasm32-wasi libc.a"
  VERBATIM)
add_custom_target(wasi_plain_libc ALL DEPENDS "${_plain_libc}")

set(WASI_PLAIN_HEADERS "${_phdr}" PARENT_SCOPE)
set(WASI_PLAIN_LIBS "${_plain_libc}" PARENT_SCOPE)
set(WASI_PLAIN_TARGETS wasi_plain_libc PARENT_SCOPE)
set(WASI_PLAIN_OVERLAY_ARCHIVES ${_plain_archives} PARENT_SCOPE)
