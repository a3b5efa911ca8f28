#!/bin/sh
# lua/build.sh TREE OUT TRIPLE BIN
#
# Builds the Lua 5.4 interpreter from the Debian source TREE with Lua's own
# Makefile, "make posix" (the platform for POSIX systems without dlopen),
# after taking out Debian's build-system patches (libtool, a C++ library,
# Debian's module paths). Natively that is plain "make posix"; for a
# WebAssembly triple only the compiler, archiver and ranlib change:
#   make CC="<triple>-clang -std=gnu99" AR="<triple>-ar rcu"
#        RANLIB=<triple>-ranlib posix
# (the Makefile's own CC is "gcc -std=gnu99", its AR "ar rcu"). Leaves
# OUT/lua; the build happens in OUT/src, its log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: lua/build.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
step sh "$here/prepare.sh" "$TREE" "$OUT/src" 0002-lua-modules-paths.patch \
    0001-build-system.patch
cd "$OUT/src" || exit 1
if [ "$TRIPLE" = native ]; then
    step make posix
else
    step make CC="$CC -std=gnu99" AR="$AR rcu" RANLIB="$RANLIB" posix
fi
step cp src/lua "$OUT/lua"
