#!/bin/sh
# lz4/test.sh OUT BIN WORK
#
# The lz4 program, built by lz4/build.sh, on real files, compared with the
# native build (test-lib.sh): on wasm32-wasi-vfs the files go into the
# module with `wasi-run --in` and the results come back with `--out`
# (VFS_FILES=1), on wasm32-wasi through a preopened folder; every output
# file must be byte for byte native's (the differences that remain are in
# expected/, explained in ../README.md). Compression at several levels and
# frame options and in the legacy format, decompression (which must
# restore the inputs), --list, lz4's golden skippable-frame sample, stdin
# to stdout, and the failures: a truncated frame, an output that exists.
set -u
[ $# -eq 3 ] || { echo "usage: lz4/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
src=$OUT/native/src
VFS_FILES=1
TRIPLES=wasm32-wasi-vfs' wasm32-wasi'

seed=$WORK/seed
mkdir -p "$seed" && cp "$src/lib/lz4.c" "$src/lib/lz4hc.c" "$src/NEWS" \
    "$src/tests/goldenSamples/skip.bin" "$seed/" || exit 2
SEED=$seed

# -q: no progress lines (lz4 shows them by clock(), which differs run to run).
compare compress-1 /dev/null lz4 -q -1 -m lz4.c lz4hc.c NEWS
compare compress-9 /dev/null lz4 -q -9 --content-size lz4.c lz4.c.9.lz4
compare compress-12 /dev/null lz4 -q -12 -BD --no-frame-crc lz4hc.c hc.lz4
compare compress-legacy /dev/null lz4 -q -l NEWS NEWS.legacy
compare compress-stdin "$src/lib/lz4.c" lz4 -q -9 -c

# The compressed files, brought in for decompression.
for f in lz4.c.lz4 lz4hc.c.lz4 NEWS.lz4; do
    cp "$WORK/compress-1/native/$f" "$seed/" || exit 2
done
cp "$WORK/compress-12/native/hc.lz4" "$WORK/compress-legacy/native/NEWS.legacy" \
    "$seed/" || exit 2
head -c 5000 "$seed/lz4.c.lz4" >"$seed/truncated.lz4" || exit 2

compare decompress /dev/null lz4 -q -d -m lz4.c.lz4 lz4hc.c.lz4 NEWS.lz4 -f
compare decompress-named /dev/null lz4 -q -d hc.lz4 hc.out
for pair in "decompress lz4.c" "decompress lz4hc.c" "decompress NEWS" \
            "decompress-named hc.out"; do
    set -- $pair
    case $2 in hc.out) orig=lz4hc.c ;; *) orig=$2 ;; esac
    if cmp -s "$seed/$orig" "$WORK/$1/native/$2"; then
        ok "$1 restores $orig"
    else
        fail "$1 restores $orig" "native $2 differs from $orig"
    fi
done
compare decompress-stdout /dev/null lz4 -dc NEWS.legacy
compare list /dev/null lz4 --list lz4.c.lz4 hc.lz4
compare skippable /dev/null lz4 -dc skip.bin

# Failures: one message each and lz4's exit status.
compare truncated /dev/null lz4 -d truncated.lz4 truncated.out
compare output-exists /dev/null lz4 NEWS lz4.c
finish
