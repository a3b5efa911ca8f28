#!/bin/sh
# expat/test.sh OUT BIN WORK
#
# Expat, built by expat/build.sh, compared with the native build
# (test-lib.sh): its own test program runtests (every check of the
# library), and xmlwf, Expat's well-formedness checker, on XML files that
# go into the wasm32-wasi-vfs module with `wasi-run --in` and come back
# with `--out` (VFS_FILES=1): checking documents, writing their canonical
# form (-d DIR) and their parse events (-m) into a folder, and the errors
# on malformed and missing input.
set -u
[ $# -eq 3 ] || { echo "usage: expat/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
src=$OUT/native/src
TRIPLES=wasm32-wasi-vfs' wasm32-wasi'

NO_FILES=1 compare runtests /dev/null runtests

VFS_FILES=1
mkdir -p "$WORK/seed/canon" "$WORK/seed/meta" &&
    cp "$src/expat/doc/xmlwf.xml" "$src/testdata/largefiles/nes96.xml" \
        "$WORK/seed/" || exit 2
printf '<a><b>text</a>\n' >"$WORK/seed/bad.xml" || exit 2
SEED=$WORK/seed
compare check /dev/null xmlwf xmlwf.xml nes96.xml
compare canonical /dev/null xmlwf -d canon xmlwf.xml nes96.xml
compare meta /dev/null xmlwf -m -d meta nes96.xml
compare stdin "$src/testdata/largefiles/nes96.xml" xmlwf -d canon
compare malformed /dev/null xmlwf bad.xml
compare missing /dev/null xmlwf absent.xml
finish
