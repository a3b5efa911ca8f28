# WasiVfs: files in a wasm32-wasi-vfs module's own data (the file image,
# libc-overlay/IMAGE.md), for projects built with the toolchain file
# share/cmake/wasm32-wasi-vfs.cmake:
#
#   include(WasiVfs)
#   wasi_vfs_embed(<target> <host-dir> [<guest-dir>])
#   wasi_vfs_exports(<target>)  wasi_vfs_no_transfer(<target>)
#   wasi_vfs_limits(<target> [OPEN_FILES <n>] [BYTES <size>] [INODES <n>])
#
# Links the tree under <host-dir> (modes, mtimes, symlinks, empty
# directories) into the executable <target>, at <guest-dir> (default "/")
# of its filesystem, through the driver's --vfs-embed option. The target
# relinks when a file in the tree changes (the list of files is read when
# CMake configures; CONFIGURE_DEPENDS re-reads it when one is added).
# Repeatable. A module that is already linked takes files with
# `wasi-vfs-pack MODULE.wasm DIR[:GUEST] -o OUT.wasm` instead.
include_guard(GLOBAL)

function(wasi_vfs_embed target host)
  if(NOT WASI_TRIPLE STREQUAL "wasm32-wasi-vfs")
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
  if(NOT WASI_TRIPLE STREQUAL "wasm32-wasi-vfs")
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
