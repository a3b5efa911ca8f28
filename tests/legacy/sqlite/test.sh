#!/bin/sh
# sqlite/test.sh OUT BIN WORK
#
# The SQLite shell, built by sqlite/build.sh, running workload.sql (on
# stdin), compared with the native build (test-lib.sh): its output, which
# ends with the size and SHA3 of every file it leaves, and on wasm32-wasi
# those files themselves.
#
# On wasm32-wasi the default unix VFS cannot lock (preview1 has no locks:
# fcntl(F_SETLK) fails), so every statement there fails with "disk I/O
# error" (check default-vfs); the workload runs with "-vfs unix-dotfile",
# SQLite's unix VFS that locks by creating a directory next to the
# database, natively too.
set -u
[ $# -eq 3 ] || { echo "usage: sqlite/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"

TRIPLES="wasm32-wasi-vfs ${LEGACY_EXTRA_TRIPLES:-}" compare workload "$here/workload.sql" sqlite3
TRIPLES=wasm32-wasi compare workload-dotfile "$here/workload.sql" sqlite3 \
    -vfs unix-dotfile
printf 'CREATE TABLE t(x);\nINSERT INTO t VALUES (1);\nSELECT x FROM t;\n' \
    >"$WORK/small.sql"
TRIPLES=wasm32-wasi compare default-vfs "$WORK/small.sql" sqlite3 test.db
finish
