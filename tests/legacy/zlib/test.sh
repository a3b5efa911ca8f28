#!/bin/sh
# zlib/test.sh OUT BIN WORK
#
# zlib's test/example.c and minigzip, built by zlib/build.sh, compared
# with the native build (test-lib.sh): example's self test (it writes and
# reads foo.gz in the current directory); minigzip compressing stdin to
# stdout at several levels and strategies (every build must write the same
# bytes) and decompressing; and on wasm32-wasi minigzip on files in its
# preopened directory, as natively.
set -u
[ $# -eq 3 ] || { echo "usage: zlib/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
src=$OUT/native/src

compare example /dev/null example

: >"$WORK/empty"
for input in ChangeLog zlib.3.pdf empty; do
    [ -f "$src/$input" ] && f=$src/$input || f=$WORK/$input
    for opt in -6 -1 -9 -f -h -R; do
        compare "minigzip$opt-$input" "$f" minigzip "$opt"
    done
    cp "$WORK/minigzip-6-$input/native.stdout" "$WORK/$input.gz"
    compare "minigzip-d-$input" "$WORK/$input.gz" minigzip -d
    if cmp -s "$f" "$WORK/minigzip-d-$input/native.stdout"; then
        ok "minigzip-d-$input restores the input"
    else
        fail "minigzip-d-$input restores the input" "native output differs from $f"
    fi
done

# Files in the host directory: wasm32-wasi only.
mkdir -p "$WORK/seed" && cp "$src/ChangeLog" "$src/README" "$WORK/seed/" || exit 2
TRIPLES=wasm32-wasi SEED=$WORK/seed compare minigzip-files /dev/null \
    minigzip ChangeLog README
cp "$WORK/minigzip-files/native/ChangeLog.gz" "$WORK/seed/" || exit 2
TRIPLES=wasm32-wasi SEED=$WORK/seed compare minigzip-d-files /dev/null \
    minigzip -d ChangeLog.gz
finish
