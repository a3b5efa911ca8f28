# WasiVfs: files in a wasm32-wasi-vfs module's own data (the file image,
# libc-overlay/IMAGE.md), for projects built with the toolchain file
# share/cmake/wasm32-wasi-vfs.cmake:
#
#   include(WasiVfs)
#   wasi_vfs_embed(<target> <host-dir> [<guest-dir>])
#   wasi_vfs_exports(<target>)  wasi_vfs_no_transfer(<target>)
#   wasi_vfs_limits(<target> [OPEN_FILES <n>] [BYTES <size>] [INODES <n>])
#   wasi_vfs_test(<name> COMMAND <target> [<arg>...] [IN <host>:<guest>...]
#                 [OUT <guest>:<host>...] [DIR <host>::<guest>...]
#                 [WORKING_DIRECTORY <dir>])
#
# Links the tree under <host-dir> (modes, mtimes, symlinks, empty
# directories) into the executable <target>, at <guest-dir> (default "/")
# of its filesystem, through the driver's --vfs-embed option. The target
# relinks when a file in the tree changes (the list of files is read when
# CMake configures; CONFIGURE_DEPENDS re-reads it when one is added).
# Repeatable. A module that is already linked takes files with
# `wasi-vfs-pack MODULE.wasm DIR[:GUEST] -o OUT.wasm` instead.
include_guard(GLOBAL)

# WASI_VFS_TRIPLE: WASI_TRIPLE in its wasm32-wasi spelling (wasm32-wasip1-vfs
# is wasm32-wasi-vfs).
string(REGEX REPLACE "^wasm32-(unknown-)?wasip1" "wasm32-wasi" WASI_VFS_TRIPLE
       "${WASI_TRIPLE}")

function(wasi_vfs_embed target host)
  if(NOT WASI_VFS_TRIPLE STREQUAL "wasm32-wasi-vfs")
    message(FATAL_ERROR "wasi_vfs_embed(${target}): only wasm32-wasi-vfs "
      "modules have a filesystem to put files in (this build is for "
      "'${WASI_TRIPLE}': use the toolchain file wasm32-wasi-vfs.cmake)")
  endif()
  set(guest "/")
  if(ARGC GREATER 2)
    set(guest "${ARGV2}")
  endif()
  if(NOT guest MATCHES "^/")
    message(FATAL_ERROR "wasi_vfs_embed(${target}): the guest directory "
      "'${guest}' must be absolute")
  endif()
  get_filename_component(host "${host}" ABSOLUTE)
  if(NOT IS_DIRECTORY "${host}")
    message(FATAL_ERROR "wasi_vfs_embed(${target}): ${host} is not a directory")
  endif()
  target_link_options(${target} PRIVATE "--vfs-embed=${host}::${guest}")
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES true "${host}/*")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${files} "${host}")
endfunction()

# What a wasm32-wasi-vfs module carries beyond the default (every module
# takes files from wasi-vfs-pack and through streams: WASI_VFS_IN,
# WASI_VFS_BIND, WASI_VFS_OUT, the runner's --in and --out;
# libc-overlay/README.md lists what each part costs):
#   wasi_vfs_exports(<target>)  the functions through which a program that
#                               embeds the module (a page, Node) puts files in
#                               and takes them out (wasi_vfs_write_file,
#                               wasi_vfs_read_file, ...;
#                               targets/web/wasi-vfs.mjs): --vfs-exports
#   wasi_vfs_no_transfer(<target>)  the bare minimum: no file image slot, no
#                               files through streams: --vfs-no-transfer
# wasi_vfs_image(<target>) and wasi_vfs_streams(<target>) are kept for
# projects that call them; they add nothing now.
function(_wasi_vfs_part fn target option)
  if(NOT WASI_VFS_TRIPLE STREQUAL "wasm32-wasi-vfs")
    message(FATAL_ERROR "${fn}(${target}): only wasm32-wasi-vfs modules have "
      "a filesystem of their own (this build is for '${WASI_TRIPLE}')")
  endif()
  target_link_options(${target} PRIVATE "${option}")
endfunction()

function(wasi_vfs_image target)
  _wasi_vfs_part(wasi_vfs_image ${target} --vfs-image)
endfunction()

function(wasi_vfs_streams target)
  _wasi_vfs_part(wasi_vfs_streams ${target} --vfs-streams)
endfunction()

function(wasi_vfs_no_transfer target)
  _wasi_vfs_part(wasi_vfs_no_transfer ${target} --vfs-no-transfer)
endfunction()

function(wasi_vfs_exports target)
  _wasi_vfs_part(wasi_vfs_exports ${target} --vfs-exports)
endfunction()

# The limits of the module's filesystem (vfs/LIMITS.md: what reaching each
# one returns), through the driver's --vfs-max-open-files, --vfs-max-bytes
# and --vfs-max-inodes options: OPEN_FILES the program's descriptors (3 to
# 65536; default 1024), BYTES what files, names and symlink targets may hold
# (digits, then K, M, G or T if you like; default 1G), INODES how many
# files, directories, symlinks, devices and pipes may exist (default
# 1048576). Those not given keep their default. The memory they all live in
# is limited by the link's -Wl,--max-memory=BYTES.
function(wasi_vfs_limits target)
  cmake_parse_arguments(PARSE_ARGV 1 L "" "OPEN_FILES;BYTES;INODES" "")
  if(L_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "wasi_vfs_limits(${target}): unknown arguments "
      "'${L_UNPARSED_ARGUMENTS}' (known: OPEN_FILES, BYTES, INODES)")
  endif()
  foreach(k OPEN_FILES BYTES INODES)
    if(DEFINED L_${k})
      if(NOT L_${k} MATCHES "^[0-9]+[KMGT]?$")
        message(FATAL_ERROR "wasi_vfs_limits(${target}): ${k} '${L_${k}}' "
          "is not a number")
      endif()
    endif()
  endforeach()
  if(DEFINED L_OPEN_FILES)
    _wasi_vfs_part(wasi_vfs_limits ${target} "--vfs-max-open-files=${L_OPEN_FILES}")
  endif()
  if(DEFINED L_BYTES)
    _wasi_vfs_part(wasi_vfs_limits ${target} "--vfs-max-bytes=${L_BYTES}")
  endif()
  if(DEFINED L_INODES)
    _wasi_vfs_part(wasi_vfs_limits ${target} "--vfs-max-inodes=${L_INODES}")
  endif()
endfunction()

# wasi_vfs_test(<name> COMMAND <target> [<arg>...] [IN <host>:<guest>...]
#               [OUT <guest>:<host>...] [DIR <host>::<guest>...]
#               [WORKING_DIRECTORY <dir>])
# A ctest test that runs the module of <target> under the emulator
# (CMAKE_CROSSCOMPILING_EMULATOR: wasi-run, or the program and options the
# user gave with -D) with files from the host, through wasi-run's options:
#   IN   host directory (or tar file) copied into the module's filesystem
#        at the guest path before it starts (wasm32-wasi-vfs; links the
#        target with --vfs-streams, as wasi_vfs_streams() does)
#   OUT  what the program created or changed under the guest path, copied
#        to the host directory when it exits 0 (wasm32-wasi-vfs, likewise)
#   DIR  host directory preopened at the guest path (wasm32-wasi)
# Relative host paths are taken from the current source folder. The same
# without this function: add_test(NAME n COMMAND <emulator> --in H:G --
# $<TARGET_FILE:t> ARGS), or a target's CROSSCOMPILING_EMULATOR property
# holding wasi-run and its options.
function(wasi_vfs_test name)
  cmake_parse_arguments(PARSE_ARGV 1 T "" "WORKING_DIRECTORY" "COMMAND;IN;OUT;DIR")
  if(T_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "wasi_vfs_test(${name}): unknown arguments "
      "'${T_UNPARSED_ARGUMENTS}' (known: COMMAND, IN, OUT, DIR, WORKING_DIRECTORY)")
  endif()
  if(NOT T_COMMAND)
    message(FATAL_ERROR "wasi_vfs_test(${name}): COMMAND <target> is needed")
  endif()
  list(POP_FRONT T_COMMAND target)
  if(NOT TARGET ${target})
    message(FATAL_ERROR "wasi_vfs_test(${name}): '${target}' is not a target "
      "of this project")
  endif()
  if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(FATAL_ERROR "wasi_vfs_test(${name}): CMAKE_CROSSCOMPILING_EMULATOR "
      "is empty (the toolchain file sets it to wasi-run)")
  endif()
  set(opts)
  foreach(kind IN ITEMS IN OUT DIR)
    foreach(spec IN LISTS T_${kind})
      if(kind STREQUAL "DIR")
        set(re "^(.+)::(/.*)$")
      elseif(kind STREQUAL "IN")
        set(re "^(.+):(/.*)$")
      else()
        set(re "^(/.*):(.+)$")
      endif()
      if(NOT spec MATCHES "${re}")
        message(FATAL_ERROR "wasi_vfs_test(${name}): ${kind} '${spec}': "
          "write host:/guest for IN, /guest:host for OUT, host::/guest for DIR")
      endif()
      if(kind STREQUAL "OUT")
        get_filename_component(h "${CMAKE_MATCH_2}" ABSOLUTE)
        set(spec "${CMAKE_MATCH_1}:${h}")
      else()
        get_filename_component(h "${CMAKE_MATCH_1}" ABSOLUTE)
        if(kind STREQUAL "DIR")
          set(spec "${h}::${CMAKE_MATCH_2}")
        else()
          set(spec "${h}:${CMAKE_MATCH_2}")
        endif()
      endif()
      string(TOLOWER "--${kind}" opt)
      list(APPEND opts "${opt}" "${spec}")
    endforeach()
  endforeach()
  if(T_IN OR T_OUT)
    _wasi_vfs_part(wasi_vfs_test ${target} --vfs-streams)
  endif()
  set(wd)
  if(T_WORKING_DIRECTORY)
    set(wd WORKING_DIRECTORY "${T_WORKING_DIRECTORY}")
  endif()
  add_test(NAME ${name}
    COMMAND ${CMAKE_CROSSCOMPILING_EMULATOR} ${opts} -- "$<TARGET_FILE:${target}>"
            ${T_COMMAND}
    ${wd})
endfunction()
