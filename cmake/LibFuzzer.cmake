# LibFuzzer: native libFuzzer targets built with the clang that
# cmake/WasiToolchain.cmake found (the project's host compiler need not know
# libFuzzer), with the address and undefined-behaviour sanitizers.
#
#   WASI_FUZZ_FLAGS    the compile and link flags of every fuzzer
#   wasi_fuzz_available(<var>)
#     sets <var> to ON when that clang links a libFuzzer program on this
#     host (Linux), OFF otherwise (probed once, cached).

set(WASI_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer -DVFS_DEBUG -g -O1)

function(wasi_fuzz_available var)
  if(NOT DEFINED WASI_FUZZ_CAN_BUILD)
    set(ok OFF)
    if(CMAKE_HOST_SYSTEM_NAME STREQUAL "Linux" AND WASI_CLANG)
      set(probe "${CMAKE_BINARY_DIR}/CMakeFiles/fuzz-probe")
      file(WRITE "${probe}/probe.c"
           "#include <stddef.h>\n#include <stdint.h>\n"
           "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)\n"
           "{ (void)d; (void)n; return 0; }\n")
      execute_process(COMMAND "${WASI_CLANG}" ${WASI_FUZZ_FLAGS} probe.c
                              -o probe
                      WORKING_DIRECTORY "${probe}" RESULT_VARIABLE rc
                      OUTPUT_QUIET ERROR_QUIET)
      if(rc EQUAL 0)
        set(ok ON)
      endif()
    endif()
    set(WASI_FUZZ_CAN_BUILD ${ok} CACHE INTERNAL "")
  endif()
  if(NOT WASI_FUZZ_CAN_BUILD)
    wasi_ci_require("native libFuzzer for ${WASI_CLANG} (vfs_diff, fuzz_tar, fuzz_image)"
                    "libclang-rt-${WASI_CLANG_MAJOR}-dev")
  endif()
  set(${var} ${WASI_FUZZ_CAN_BUILD} PARENT_SCOPE)
endfunction()
