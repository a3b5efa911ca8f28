#!/bin/sh
# speedtest1.sh TREE OUT TRIPLE BIN
#
# Builds SQLite's speedtest1 (test/speedtest1.c with the amalgamation) from
# the Debian source TREE of sqlite3 with SQLite's own build, configured as
# tests/legacy/sqlite/build.sh configures the shell (same features, same
# default CFLAGS -g -O2, only CC, AR and RANLIB changing between native,
# wasm32-wasi and wasm32-wasi-vfs), then `make speedtest1`.
# Leaves OUT/speedtest1; the log is OUT/build.log.
set -u
[ $# -eq 4 ] || { echo "usage: speedtest1.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
TREE=$1 OUT=$2 TRIPLE=$3 BIN=$4 LOG=$2/build.log
legacy=$(CDPATH= cd -- "$(dirname -- "$0")/../tests/legacy" && pwd) || exit 2
mkdir -p "$OUT" || exit 1
. "$legacy/build-env.sh"
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
    step make speedtest1
else
    # shellcheck disable=SC2086
    step "$TREE/configure" --host=wasm32-wasi $features CC="$CC" AR="$AR" \
        RANLIB="$RANLIB" BCC=cc lt_cv_prog_gnu_ld=no
    step make CROSS_BUILDING=yes speedtest1
fi
step cp speedtest1 "$OUT/speedtest1"
