#!/bin/sh
# sqlite/build.sh TREE OUT TRIPLE BIN [PROGRAM]
#
# Builds the SQLite shell (or PROGRAM, another target of SQLite's Makefile:
# bench/ builds speedtest1 so) from the Debian source TREE with SQLite's own
# build: configure (out of the tree, in OUT/bld), then make sqlite3, which
# makes the amalgamation (with tclsh and the build machine's cc for its
# generators) and compiles it with the default CFLAGS (-g -O2).
#
# Every build, native included, is configured the same way:
#   --disable-shared --disable-tcl --disable-readline
#   --disable-load-extension --disable-threadsafe
# (wasi-libc has no dlopen and no threads: a WebAssembly build cannot have
# these features, so the native reference goes without them too).
# For a WebAssembly triple configure also gets what any cross build needs:
#   --host=wasm32-wasi CC= AR= RANLIB= BCC=cc  and make CROSS_BUILDING=yes
# (Debian's switch for building the lemon generator with BCC), plus
# lt_cv_prog_gnu_ld=no: configure takes the build machine's ld for the
# linker, libtool then believes it is GNU ld and passes -rpath, which
# wasm-ld does not have; the answer tells libtool the truth.
# Leaves OUT/sqlite3 (OUT/PROGRAM); the log is OUT/build.log.
set -u
[ $# -eq 4 ] || [ $# -eq 5 ] ||
    { echo "usage: sqlite/build.sh TREE OUT TRIPLE BIN [PROGRAM]" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log PROGRAM=${5:-sqlite3}
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$here/build-env.sh"
TREE=$(CDPATH= cd -- "$TREE" && pwd) || exit 2
command -v tclsh >/dev/null 2>&1 || {
    echo "build: SQLite's build makes its amalgamation with tclsh: apt-get install tcl" >&2
    exit 1; }
rm -rf "$OUT/bld" && mkdir -p "$OUT/bld" && cd "$OUT/bld" || exit 1
features="--disable-shared --disable-tcl --disable-readline
          --disable-load-extension --disable-threadsafe"
if [ "$TRIPLE" = native ]; then
    # shellcheck disable=SC2086
    step "$TREE/configure" $features
    step make "$PROGRAM"
else
    # shellcheck disable=SC2086
    step "$TREE/configure" --host=wasm32-wasi $features CC="$CC" AR="$AR" \
        RANLIB="$RANLIB" BCC=cc lt_cv_prog_gnu_ld=no
    step make CROSS_BUILDING=yes "$PROGRAM"
fi
step cp "$PROGRAM" "$OUT/$PROGRAM"
