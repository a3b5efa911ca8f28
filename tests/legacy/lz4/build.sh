#!/bin/sh
# lz4/build.sh TREE OUT TRIPLE BIN
#
# Builds the lz4 command-line program from the Debian source TREE with its
# own Makefiles (make -C programs CC= AR= RANLIB= lz4, TRIPLE's tools from
# build-env.sh; the default CFLAGS, -O2 -g), after taking out Debian's
# 0001-Fix-static-link.patch (it links lz4 against the liblz4 of lib/,
# built by Debian's rules first). Leaves OUT/lz4; the build happens in
# OUT/src (which keeps lz4's test samples), its log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: lz4/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src" 0001-Fix-static-link.patch
cd "$OUT/src" || exit 1
step make -C programs CC="$CC" AR="$AR" RANLIB="$RANLIB" lz4
step cp programs/lz4 "$OUT/lz4"
