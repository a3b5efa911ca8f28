#!/bin/sh
# dos2unix/build.sh TREE OUT TRIPLE BIN
#
# Builds dos2unix and unix2dos from the Debian source TREE with their own
# Makefile (make CC= ENABLE_NLS= dos2unix unix2dos, TRIPLE's compiler from
# build-env.sh). Every build, native included, is made with ENABLE_NLS=
# (no message catalogues: the triples have no libintl), and the Makefile's
# own choices for the build machine otherwise (Unicode support, -O2).
# Leaves OUT/dos2unix and OUT/unix2dos; the build happens in OUT/src (which
# keeps dos2unix's test files), its log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: dos2unix/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src"
cd "$OUT/src" || exit 1
step make CC="$CC" ENABLE_NLS= dos2unix unix2dos
step cp dos2unix unix2dos "$OUT/"
