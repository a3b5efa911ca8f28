# wasm32-wasi's C library and wrapper headers: wasi-libc plus the help of
# this folder that does not need the virtual filesystem, compiled for the
# plain triple from the same sources (nothing is copied):
#  - ../src/common/, the whole room: the one user's identity and its user
#    and group databases, fork/exec/wait/kill/system/popen failing with
#    ENOSYS, stream locks, sigaction and the signal-set calls, the
#    temporary-file calls preview1 can express (mkstemp and family,
#    mkdtemp, mktemp, tmpnam, tempnam, tmpfile: files in the host directory
#    preopened at /tmp), alarm, pause, getrlimit, setrlimit, getpriority,
#    setpriority, getrusage, tzset, sysconf's memory and descriptor
#    names, program_invocation_name from argv[0], pthreads, C11 threads,
#    termios
#    (WASI_VFS_PLAIN selects this triple's answers); its setjmp/longjmp
#    runtime (common/sjlj/, libsjlj.a);
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
# (uses _dir, _src, _inc, _emulated and the wasi_vfs_sjlj target). Records
# wasm32-wasi's headers, libc.a and own archives (wasi_triple_add).
set(_psrc "${CMAKE_CURRENT_SOURCE_DIR}/plain")
set(_pdir "${CMAKE_CURRENT_BINARY_DIR}/plain")
set(_phdr "${_pdir}/include")

set(_plain_shared_headers
  __typedef_sigset_t.h __wasi_sigaction.h __wasi_vfs_emulated.h
  __wasi_vfs_wait.h __wasi_unistd_common.h
  __wasi_fcntl_locks.h __wasi_open_flags.h errno.h grp.h pwd.h setjmp.h signal.h stdio.h stdlib.h
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

# The common/ room, all of it, then plain's own files. common/ needs no
# header of the vfs core (common/common.h).
file(GLOB _plain_sources CONFIGURE_DEPENDS "${_src}/common/*.c")
list(SORT _plain_sources)
file(GLOB _plain_own_sources CONFIGURE_DEPENDS "${_psrc}/src/*.c")
list(SORT _plain_own_sources)
list(APPEND _plain_sources ${_plain_own_sources})

wasi_add_archive(wasi_plain_overlay OUTPUT "${_pdir}/liboverlay-plain.a"
                 SOURCES ${_plain_sources}
                 INCLUDES "${_phdr}"
                 DEFINES _GNU_SOURCE WASI_VFS_PLAIN)

set(_plain_archives "${_pdir}/liboverlay-plain.a" "${_dir}/libsjlj.a")
set(_plain_libc "${_pdir}/lib/libc.a")
wasi_merge_libc(wasi_plain_libc OUTPUT "${_plain_libc}" WORK "${_pdir}/merge"
                ADD ${_plain_archives} EMULATED ${_emulated} YIELD
                IF_BASE pthread_join_np.o
                DEPENDS wasi_plain_overlay wasi_vfs_sjlj TRIPLE wasm32-wasi)

wasi_triple_add(wasm32-wasi HEADERS "${_phdr}")
