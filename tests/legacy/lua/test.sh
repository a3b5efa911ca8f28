#!/bin/sh
# lua/test.sh OUT BIN WORK
#
# The Lua interpreter, built by lua/build.sh, running workload.lua (on
# stdin, "lua -"), compared with the native build (test-lib.sh): its
# output, which ends with the size, checksum and contents of every file
# it leaves, and on wasm32-wasi those files themselves.
set -u
[ $# -eq 3 ] || { echo "usage: lua/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"

compare workload "$here/workload.lua" lua -
finish
