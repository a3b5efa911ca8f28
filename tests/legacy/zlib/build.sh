#!/bin/sh
# zlib/build.sh TREE OUT TRIPLE BIN
#
# Builds zlib's test/example.c and test/minigzip.c from the Debian source
# TREE with zlib's own build: ./configure --static, make example minigzip,
# with CC/AR/RANLIB of TRIPLE (build-env.sh) and nothing else changed.
# Leaves OUT/example and OUT/minigzip (WebAssembly modules for a
# WebAssembly triple); the build happens in OUT/src, its log is
# OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: zlib/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
cd "$OUT/src" || exit 1
step env CC="$CC" AR="$AR" RANLIB="$RANLIB" ./configure --static
step make example minigzip
step cp example "$OUT/example"
step cp minigzip "$OUT/minigzip"
