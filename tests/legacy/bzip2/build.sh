#!/bin/sh
# bzip2/build.sh TREE OUT TRIPLE BIN
#
# Builds bzip2 from the Debian source TREE with its own Makefile
# (make CC= AR= RANLIB= bzip2, TRIPLE's tools from build-env.sh), after
# taking out Debian's makefile.diff (it links bzip2 against a shared
# libbz2.so). Leaves OUT/bzip2; the build happens in OUT/src (which keeps
# the sample files), its log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: bzip2/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src" makefile.diff
cd "$OUT/src" || exit 1
step make CC="$CC" AR="$AR" RANLIB="$RANLIB" bzip2
step cp bzip2 "$OUT/bzip2"
