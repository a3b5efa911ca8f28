#!/bin/sh
# libogg/test.sh OUT BIN WORK
#
# libogg's own tests (the programs its `make check` runs), built by
# libogg/build.sh, compared with the native build (test-lib.sh):
# test_bitwise (bit packing and unpacking in both bit orders) and
# test_framing (Ogg pages: packets in and out, lost and out-of-sequence
# pages, the page checksum), each of which stops with a message and a
# non-zero status at its first wrong result.
set -u
[ $# -eq 3 ] || { echo "usage: libogg/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
NO_FILES=1

for p in test_bitwise test_framing; do
    compare "$p" /dev/null "$p"
    if grep -q '^--- exit status 0$' "$WORK/$p/native.out"; then
        ok "$p passes natively"
    else
        fail "$p passes natively" "$(tail -n 3 "$WORK/$p/native.out")"
    fi
done
finish
