#!/bin/sh
# tinyxml2/build.sh TREE OUT TRIPLE BIN
#
# Builds tinyxml2 (C++) and its test program xmltest from the Debian source
# TREE with its own CMake build (tinyxml2_BUILD_TESTING=ON), natively or
# with TRIPLE's toolchain file (BIN/../share/cmake/TRIPLE.cmake: its
# clang++ with libc++). Only the toolchain changes, and for the
# WebAssembly builds the emulator that runs its ctest, given on the command
# line as a user would (it replaces the toolchain file's wasi-run):
#   wasm32-wasi      wasi-run --dir OUT/src::/ (xmltest opens
#                    resources/... from the folder ctest starts it in)
#   wasm32-wasi-vfs  wasi-run --in OUT/src/resources:/resources
#                    --out /resources/out:OUT/src/resources/out, the module
#                    linked with --vfs-streams
# Leaves OUT/xmltest and the build in OUT/build (test.sh runs its ctest);
# the sources are in OUT/src, the log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: tinyxml2/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
rm -rf "$OUT/build"
src=$OUT/src
case $TRIPLE in
native)
    step env CC=cc CXX=c++ cmake -S "$src" -B "$OUT/build" -Dtinyxml2_BUILD_TESTING=ON ;;
wasm32-wasi)
    step cmake -S "$src" -B "$OUT/build" -Dtinyxml2_BUILD_TESTING=ON \
        -DCMAKE_TOOLCHAIN_FILE="$BIN/../share/cmake/$TRIPLE.cmake" \
        "-DCMAKE_CROSSCOMPILING_EMULATOR=$BIN/wasi-run;--dir;$src::/" ;;
wasm32-wasi-vfs)
    step cmake -S "$src" -B "$OUT/build" -Dtinyxml2_BUILD_TESTING=ON \
        -DCMAKE_TOOLCHAIN_FILE="$BIN/../share/cmake/$TRIPLE.cmake" \
        -DCMAKE_EXE_LINKER_FLAGS=--vfs-streams \
        "-DCMAKE_CROSSCOMPILING_EMULATOR=$BIN/wasi-run;--in;$src/resources:/resources;--out;/resources/out:$src/resources/out" ;;
*) echo "tinyxml2/build.sh: no build for $TRIPLE" >&2; exit 2 ;;
esac
step cmake --build "$OUT/build"
ext=
[ "$TRIPLE" = native ] || ext=.wasm
step cp "$OUT/build/xmltest$ext" "$OUT/xmltest"
