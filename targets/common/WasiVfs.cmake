# WasiVfs: files in a wasm32-wasi-vfs module's own data (the file image,
# libc-overlay/IMAGE.md), for projects built with the toolchain file
# share/cmake/wasm32-wasi-vfs.cmake:
#
#   include(WasiVfs)
#   wasi_vfs_embed(<target> <host-dir> [<guest-dir>])
#   wasi_vfs_image(<target>)  wasi_vfs_streams(<target>)
#   wasi_vfs_exports(<target>)
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

# The optional parts of a wasm32-wasi-vfs module, each linked only when
# asked (libc-overlay/README.md lists what each costs):
#   wasi_vfs_image(<target>)    the file image slot and reader: files can be
#                               added after linking with wasi-vfs-pack
#                               (--vfs-image; wasi_vfs_embed implies it)
#   wasi_vfs_streams(<target>)  files through streams, configured by the
#                               host at run time (WASI_VFS_IN, WASI_VFS_BIND,
#                               WASI_VFS_OUT; the runner's --in and --out):
#                               --vfs-streams
#   wasi_vfs_exports(<target>)  the functions through which a program that
#                               embeds the module (a page, Node) puts files in
#                               and takes them out (wasi_vfs_write_file,
#                               wasi_vfs_read_file, ...;
#                               targets/web/wasi-vfs.mjs): --vfs-exports
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

function(wasi_vfs_exports target)
  _wasi_vfs_part(wasi_vfs_exports ${target} --vfs-exports)
endfunction()
