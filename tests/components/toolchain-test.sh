#!/bin/sh
# toolchain-test.sh BUILD_DIR WORK (absolute paths): the component triples' CMake toolchain
# files (BUILD_DIR/share/cmake/<triple>.cmake): cmake-project/ configures,
# builds a component and runs its test through the emulator
# (wasi-run-component). Exit status 0 when every check passed.
[ $# -eq 2 ] || { echo "usage: toolchain-test.sh BUILD_DIR WORK" >&2; exit 2; }
build=$1 work=$2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
mkdir -p "$work" || exit 1
for t in wasm32-wasip2 wasm32-wasip2-vfs wasm32-wasip2-io; do
    b=$work/$t
    prog=tiny # the project's program (cmake-project/CMakeLists.txt)
    [ $t = wasm32-wasip2-vfs ] || prog=hello
    rm -rf "$b"
    if cmake -S "$here/cmake-project" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$build/share/cmake/$t.cmake" \
            >"$work/$t.log" 2>&1 && cmake --build "$b" >>"$work/$t.log" 2>&1 &&
       [ "$(od -An -tx1 -N8 "$b/$prog.wasm" | tr -d ' \n')" = 0061736d0d000100 ]; then
        ok "$t toolchain file builds a component"
    else
        fail "$t toolchain file builds a component" "$(tail -5 "$work/$t.log")"
        continue
    fi
    if ctest --test-dir "$b" >>"$work/$t.log" 2>&1; then
        ok "$t toolchain file's emulator runs the test"
    else
        fail "$t toolchain file's emulator runs the test" "$(tail -5 "$work/$t.log")"
    fi
done
finish
