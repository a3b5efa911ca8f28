# peers.cmake: the peer columns of the benchmark suite, built from the same
# workload sources (meta.c, bulk.c) for the in-memory filesystems a web
# developer would pick today (bench/README.md, Columns). Included by
# bench/CMakeLists.txt; appends the target bench_peers to _programs.
#
#   emscripten-memfs/{meta,bulk}.js, .wasm   emcc -O2 for Node, Emscripten's
#                                            default filesystem (MEMFS)
#   emscripten-wasmfs/{meta,bulk}.js, .wasm  the same with -sWASMFS
#   peers/node_modules/@bjorn3/browser_wasi_shim
#                                            npm ci of bench/peers/
#                                            package-lock.json; it runs the
#                                            wasm32-wasi builds (shim-run.mjs)
#
# A missing emcc or npm leaves its columns out, and is a configure error
# under CI=true (wasi_ci_require). An npm registry out of reach leaves the
# shim column out, and fails the build under CI=true (npm-deps.sh).
set(_peer_outputs)

find_program(WASI_EMCC NAMES emcc)
if(WASI_EMCC)
  # Flags of both Emscripten builds: Node, a heap that grows (a 256 MiB file
  # does not fit in the default 16 MiB), synchronous compilation (3.1.6's
  # asynchronous path fetch()es the .wasm by file name, which Node 18+'s
  # fetch refuses), and the CPU clocks bench.h times with
  # (emscripten-clock.js).
  set(_em_flags -O2 -D_GNU_SOURCE -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1
      -sWASM_ASYNC_COMPILATION=0 --js-library "${_src}/peers/emscripten-clock.js")
  foreach(fs memfs wasmfs)
    set(_fs_flag)
    if(fs STREQUAL "wasmfs")
      set(_fs_flag -sWASMFS)
    endif()
    foreach(p meta bulk)
      set(_out "${_bin}/emscripten-${fs}/${p}")
      # NODE_PATH: Debian's emcc runs its JS optimizer with node and
      # Debian's node-acorn (/usr/share/nodejs), which a Node.js not from
      # Debian does not look in by itself.
      add_custom_command(
        OUTPUT "${_out}.js" "${_out}.wasm"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${_bin}/emscripten-${fs}"
        COMMAND "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs
                "${WASI_EMCC}" ${_em_flags} ${_fs_flag} "${_src}/${p}.c" -o "${_out}.js"
        DEPENDS "${_src}/${p}.c" "${_src}/bench.h" "${_src}/peers/emscripten-clock.js"
        COMMENT "bench: ${p}.c with emcc -O2 (${fs})"
        VERBATIM)
      list(APPEND _peer_outputs "${_out}.js")
    endforeach()
  endforeach()
else()
  wasi_ci_require("bench: the Emscripten peer columns (MEMFS, WasmFS)" emscripten)
endif()

find_program(WASI_NPM NAMES npm)
if(WASI_NPM)
  add_custom_command(
    OUTPUT "${_bin}/peers/node_modules/.installed-lock.json"
    COMMAND sh "${_src}/peers/shim-deps.sh" "${CMAKE_SOURCE_DIR}/tests/js/npm-deps.sh"
            "${_src}/peers" "${_bin}/peers"
    DEPENDS "${_src}/peers/package.json" "${_src}/peers/package-lock.json"
            "${_src}/peers/shim-deps.sh"
    COMMENT "bench: npm ci of @bjorn3/browser_wasi_shim (bench/peers/package-lock.json)"
    VERBATIM)
  list(APPEND _peer_outputs "${_bin}/peers/node_modules/.installed-lock.json")
else()
  wasi_ci_require("bench: the browser_wasi_shim peer column" npm)
endif()

add_custom_target(bench_peers DEPENDS ${_peer_outputs})
list(APPEND _programs bench_peers)
