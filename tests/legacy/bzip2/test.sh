#!/bin/sh
# bzip2/test.sh OUT BIN WORK
#
# bzip2, built by bzip2/build.sh, on its own sample files, compared with
# the native build (test-lib.sh): what its "make test" does (compress
# sample1..3.ref at -1..-3, which must give exactly sample1..3.bz2;
# decompress them, also with -s), integrity tests, and on wasm32-wasi
# bzip2 compressing and decompressing files in its preopened directory.
set -u
[ $# -eq 3 ] || { echo "usage: bzip2/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
src=$OUT/native/src

for i in 1 2 3; do
    compare "compress-$i" "$src/sample$i.ref" bzip2 "-$i"
    if cmp -s "$src/sample$i.bz2" "$WORK/compress-$i/native.stdout"; then
        ok "compress-$i gives sample$i.bz2"
    else
        fail "compress-$i gives sample$i.bz2" "native output differs"
    fi
    compare "decompress-$i" "$src/sample$i.bz2" bzip2 -d
done
compare decompress-small-3 "$src/sample3.bz2" bzip2 -ds
compare test-2 "$src/sample2.bz2" bzip2 -tv
printf 'not bzip2 data\n' >"$WORK/bad"
compare test-bad "$WORK/bad" bzip2 -t

# Files in the host directory: wasm32-wasi only.
mkdir -p "$WORK/seed" && cp "$src/sample1.ref" "$src/sample2.bz2" "$WORK/seed/" || exit 2
TRIPLES=wasm32-wasi SEED=$WORK/seed compare compress-file /dev/null \
    bzip2 -k sample1.ref
TRIPLES=wasm32-wasi SEED=$WORK/seed compare decompress-file /dev/null \
    bzip2 -d -k sample2.bz2
finish
