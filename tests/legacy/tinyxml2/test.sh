#!/bin/sh
# tinyxml2/test.sh OUT BIN WORK
#
# tinyxml2's own test suite, as its build defines it: ctest in each build
# of tinyxml2/build.sh (native, wasm32-wasi, wasm32-wasi-vfs), which runs
# xmltest on the package's resources/ and passes on ", Fail 0". Each
# WebAssembly run must pass as the native one does, print the same lines
# (xmltest's report of every check) and leave the same files in
# resources/out/ (wasm32-wasi: written through the preopened folder;
# wasm32-wasi-vfs: written in the module's filesystem, brought out by
# wasi-run --out). Only the parse time, which differs from run to run, is
# left out of the comparison.
set -u
[ $# -eq 3 ] || { echo "usage: tinyxml2/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
. "$here/../../support/checks.sh"
rm -rf "$WORK" && mkdir -p "$WORK" || exit 2

for t in native wasm32-wasi wasm32-wasi-vfs; do
    out=$OUT/$t/src/resources/out
    rm -rf "$out" && mkdir -p "$out" || exit 2
    if ctest --test-dir "$OUT/$t/build" -V >"$WORK/$t.ctest" 2>&1; then
        ok "$t: its ctest passes"
    else
        fail "$t: its ctest passes" "$(tail -n 5 "$WORK/$t.ctest")"
    fi
    # xmltest's own lines (ctest -V prefixes them with "1: "; its lines
    # about the command are ctest's). The parse time is clock() ticks
    # divided by 10, whatever CLOCKS_PER_SEC is (glibc 10^6, wasi-libc
    # 10^9): it differs from run to run, and is left out.
    sed -n 's/^1: //p' "$WORK/$t.ctest" |
        grep -v '^Test command: \|^Working Directory: \|^Test timeout computed' |
        sed 's/^\(Parsing dream.xml (Release): \)[0-9.]* milli-seconds$/\1N milli-seconds/' \
        >"$WORK/$t.out"
    (cd "$out" && for f in *; do [ -f "$f" ] && sha256sum "$f"; done) >"$WORK/$t.files"
done
grep -q ', Fail 0' "$WORK/native.out" && ok "native report" ||
    fail "native report" "$(tail -n 2 "$WORK/native.out")"
for t in wasm32-wasi wasm32-wasi-vfs; do
    # The report's difference from native: none, or exactly
    # expected/report.<triple>.diff (explained in ../README.md).
    diff -u --label native --label "$t" "$WORK/native.out" "$WORK/$t.out" >"$WORK/$t.diff"
    want=$here/expected/report.$t.diff
    if [ -f "$want" ]; then
        cmp -s "$want" "$WORK/$t.diff" && ok "$t: the report differs from native as expected" ||
            fail "$t: the report differs from native as expected" "$(diff "$want" "$WORK/$t.diff" | head -n 20)"
    elif [ -s "$WORK/$t.diff" ]; then
        fail "$t: the same report as native" "$(head -n 20 "$WORK/$t.diff")"
    else
        ok "$t: the same report as native"
    fi
    if [ -s "$WORK/native.files" ] && diff -u "$WORK/native.files" "$WORK/$t.files" >"$WORK/$t.files.diff"; then
        ok "$t: the same files in resources/out"
    else
        fail "$t: the same files in resources/out" "$(head -n 20 "$WORK/$t.files.diff")"
    fi
done
finish
