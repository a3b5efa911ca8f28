#!/bin/sh
# libogg/build.sh TREE OUT TRIPLE BIN
#
# Builds libogg and its own tests (test_bitwise, test_framing: the
# programs its `make check` runs) from the Debian source TREE with its
# autotools build: the release's configure (out of the tree, in OUT/bld),
# then make -C src test_bitwise test_framing. Every build, native
# included, is configured with --disable-shared (the tests then are the
# programs themselves, not libtool's wrapper scripts around a shared
# library); a WebAssembly build gets --host=wasm32 and TRIPLE's CC, AR
# and RANLIB (build-env.sh), the only difference. --host=wasm32, not
# wasm32-wasi: libogg's config.sub (2018) predates the wasi system name and
# rejects it, but knows the wasm32 CPU (wasm32-unknown-none); with CC
# given, configure needs nothing else from the name. `make check` itself
# would run the tests as host programs, so test.sh runs them. Leaves
# OUT/test_bitwise and OUT/test_framing; the log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: libogg/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
rm -rf "$OUT/bld" && mkdir -p "$OUT/bld" && cd "$OUT/bld" || exit 1
if [ "$TRIPLE" = native ]; then
    step "$OUT/src/configure" --disable-shared
else
    step "$OUT/src/configure" --host=wasm32 --disable-shared CC="$CC" \
        AR="$AR" RANLIB="$RANLIB"
fi
step make -C src test_bitwise test_framing
step cp src/test_bitwise src/test_framing "$OUT/"
