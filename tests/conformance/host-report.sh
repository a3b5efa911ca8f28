#!/bin/sh
# host-report.sh BIN_DIR NATIVE_DIR WORK_DIR EXPECTED SOURCE.c...
#
# Builds each conformance program for plain wasm32-wasi, runs it under
# wasi-run with a fresh host directory preopened at "/", and compares its
# output with the native build's. Prints one line per program:
#   NAME  no-build   first compiler error
#   NAME  same
#   NAME  differs    number of differing lines
# and fails when the status column differs from EXPECTED (lines
# "NAME STATUS"), so a change in how the host path behaves is noticed.
set -u
[ $# -ge 5 ] || { echo "usage: $0 BIN_DIR NATIVE_DIR WORK_DIR EXPECTED SOURCE.c..." >&2; exit 2; }
bin=$1 native=$2 work=$3 expected=$4
shift 4
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
mkdir -p "$work" || exit 2
got="$work/host-differences.got"
: >"$got"
for src in "$@"; do
    name=$(basename "$src" .c)
    mod="$work/$name.wasm"
    if ! "$bin/wasm32-wasi-clang" -O2 -D_GNU_SOURCE "$src" -o "$mod" 2>"$work/$name.err"; then
        why=$(grep -m1 'error:' "$work/$name.err" | sed 's/^.*error: //')
        printf '%-14s %-9s %s\n' "$name" no-build "$why"
        echo "$name no-build" >>"$got"
        continue
    fi
    if sh "$here/compare.sh" "$native/$name" "$mod" "$bin/wasi-run" --dir '@DIR@::/' \
            >"$work/$name.diff" 2>&1; then
        printf '%-14s %s\n' "$name" same
        echo "$name same" >>"$got"
    else
        n=$(grep -c '^[-+][^-+]' "$work/$name.diff")
        printf '%-14s %-9s %s lines (%s)\n' "$name" differs "$n" "$work/$name.diff"
        echo "$name differs" >>"$got"
    fi
done
if ! diff -u "$expected" "$got"; then
    echo "host-report: the plain wasm32-wasi results changed (diff above:" \
         "- expected, + now); update $expected and HOST-DIFFERENCES.md" >&2
    exit 1
fi
total=$(wc -l <"$got")
same=$(grep -c ' same$' "$got")
echo "host-report: $same of $total programs behave as on Linux on wasm32-wasi"
