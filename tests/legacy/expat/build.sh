#!/bin/sh
# expat/build.sh TREE OUT TRIPLE BIN
#
# Builds Expat's xmlwf and its test program runtests from the Debian source
# TREE with Expat's own CMake build (targets xmlwf and runtests), configured
# by build-env.sh's cmake_configure: natively as it comes, for WebAssembly
# with the triple's toolchain file, the only difference. Every build, native
# included, is configured with -DEXPAT_DTD=OFF: Debian's patch for
# CVE-2024-8176 tests "#if XML_DTD == 1", which expat_config.h from CMake
# (#cmakedefine XML_DTD, an empty definition) makes a preprocessor error
# (Debian builds with autotools, whose config.h says 1). runtestspp (the
# same tests in C++) is not built: the triples compile C. Leaves
# OUT/xmlwf and OUT/runtests; the log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: expat/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
rm -rf "$OUT/bld" || exit 1
cmake_configure "$OUT/src/expat" "$OUT/bld" -DEXPAT_DTD=OFF
step cmake --build "$OUT/bld" --target xmlwf runtests
for p in xmlwf/xmlwf tests/runtests; do
    if [ -f "$OUT/bld/$p.wasm" ]; then
        step cp "$OUT/bld/$p.wasm" "$OUT/${p#*/}"
    else
        step cp "$OUT/bld/$p" "$OUT/${p#*/}"
    fi
done
