#!/bin/sh
# libyaml/build.sh TREE OUT TRIPLE BIN
#
# Builds LibYAML from the Debian source TREE with its own CMake build
# (BUILD_TESTING on: the library, its tests and its test-suite tools),
# configured by build-env.sh's cmake_configure: natively as it comes, for
# WebAssembly with the triple's toolchain file, the only difference. The
# tree is built in OUT/bld, where `ctest` runs LibYAML's own tests (through
# wasi-run, the toolchain file's CMAKE_CROSSCOMPILING_EMULATOR). Leaves
# OUT/<program> for test-version, test-reader, run-parser-test-suite and
# run-emitter-test-suite (CMake names the modules <program>.wasm); the log
# is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: libyaml/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
rm -rf "$OUT/bld" || exit 1
cmake_configure "$OUT/src" "$OUT/bld" -DBUILD_TESTING=ON
step cmake --build "$OUT/bld"
for p in test-version test-reader run-parser-test-suite run-emitter-test-suite; do
    if [ -f "$OUT/bld/$p.wasm" ]; then
        step cp "$OUT/bld/$p.wasm" "$OUT/$p"
    else
        step cp "$OUT/bld/$p" "$OUT/$p"
    fi
done
