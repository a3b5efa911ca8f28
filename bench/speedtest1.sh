#!/bin/sh
# speedtest1.sh TREE OUT TRIPLE BIN
#
# Builds SQLite's speedtest1 (test/speedtest1.c with the amalgamation) from
# the Debian source TREE of sqlite3 exactly as tests/legacy builds the
# shell (its build.sh: SQLite's own build, same features, same default
# CFLAGS -g -O2, only CC, AR and RANLIB changing between native,
# wasm32-wasi and wasm32-wasi-vfs), with `make speedtest1`.
# Leaves OUT/speedtest1; the log is OUT/build.log.
[ $# -eq 4 ] || { echo "usage: speedtest1.sh TREE OUT TRIPLE BIN" >&2; exit 2; }
exec sh "$(dirname -- "$0")/../tests/legacy/sqlite/build.sh" "$@" speedtest1
