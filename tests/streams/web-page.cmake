cmake_minimum_required(VERSION 3.20)
# cmake -P web-page.cmake: assembles the static page of targets/web in OUT
# (a folder any static web server can serve): the page's files and the
# core they import (js/), squish
# (tests/streams/squish.c, linked with --vfs-exports) and, when
# tests/legacy built them, Debian's bzip2 and zlib's minigzip as they are
# (no exports: the page hands them their files as tar streams), and
# modules.json listing them; with COMPONENTS, the typed components of
# wasm32-wasip2-io made into JavaScript by jco (components/NAME/), the
# browser half of preview2-shim they import (p2shim/, the page's import
# map) and components.json listing them.
#   WEB      targets/web        SQUISH   squish-exports.wasm
#   LEGACY   build/tests/legacy OUT      the folder to fill
#   COMPONENTS  NAME=COMPONENT=TITLE=ARGS... (optional), with NODE, JCO
#            (jco's script) and SHIM (preview2-shim's dist/browser)
foreach(v WEB SQUISH LEGACY OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "web-page.cmake: ${v} not set")
  endif()
endforeach()
file(MAKE_DIRECTORY "${OUT}")
file(GLOB _files "${WEB}/*.html" "${WEB}/*.mjs")
file(COPY ${_files} DESTINATION "${OUT}")
# The shared core the page imports (./js/: targets/js).
file(MAKE_DIRECTORY "${OUT}/js")
foreach(f bytes.mjs wasi-abi.mjs tar.mjs typed-entry.mjs wasm-binary.mjs)
  file(COPY_FILE "${WEB}/js/${f}" "${OUT}/js/${f}" ONLY_IF_DIFFERENT)
endforeach()
file(COPY_FILE "${SQUISH}" "${OUT}/squish.wasm" ONLY_IF_DIFFERENT)
set(_list "[\n  {\"file\": \"squish.wasm\", \"name\": \"squish: a run-length compressor (tests/streams)\", \"args\": \"-v\", \"note\": \"files through its exports; try -kv /data/NAME after loading a file\"}")
foreach(p "bzip2/bzip2/bzip2 1.0.8 (Debian source)/-v" "zlib/minigzip/minigzip from zlib 1.2.13 (Debian source)/")
  string(REPLACE "/" ";" p "${p}")
  list(GET p 0 dir)
  list(GET p 1 prog)
  list(GET p 2 name)
  list(LENGTH p n)
  set(args "")
  if(n GREATER 3)
    list(GET p 3 args)
  endif()
  set(m "${LEGACY}/${dir}/wasm32-wasi-vfs/${prog}")
  if(EXISTS "${m}")
    file(COPY_FILE "${m}" "${OUT}/${prog}.wasm" ONLY_IF_DIFFERENT)
    string(APPEND _list ",\n  {\"file\": \"${prog}.wasm\", \"name\": \"${name}\", \"args\": \"${args}\", \"note\": \"unchanged build: files as tar streams on descriptors 3 and 4\"}")
  endif()
endforeach()
string(APPEND _list "\n]\n")
file(WRITE "${OUT}/modules.json" "${_list}")

# The typed components: jco transpile, each into components/NAME/.
if(COMPONENTS)
  file(REMOVE_RECURSE "${OUT}/p2shim" "${OUT}/components")
  file(COPY "${SHIM}/" DESTINATION "${OUT}/p2shim")
  set(_comps "[")
  set(_sep "")
  foreach(c ${COMPONENTS})
    string(REPLACE "=" ";" c "${c}")
    list(GET c 0 name)
    list(GET c 1 file)
    list(GET c 2 title)
    list(GET c 3 args)
    execute_process(COMMAND "${NODE}" "${JCO}" transpile "${file}" -o "${OUT}/components/${name}" --base64-cutoff 0
                            --name "${name}" --no-typescript --quiet
                    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "web-page.cmake: jco transpile ${file}: ${err}")
    endif()
    string(APPEND _comps "${_sep}\n  {\"js\": \"components/${name}/${name}.js\", \"name\": \"${title}\", \"args\": \"${args}\"}")
    set(_sep ",")
  endforeach()
  string(APPEND _comps "\n]\n")
  file(WRITE "${OUT}/components.json" "${_comps}")
else()
  file(REMOVE "${OUT}/components.json")
endif()
