#!/bin/sh
# sizes-test.sh BIN_DIR WORK: wasi-sizes shows the preview1 modules and the
# components of one program side by side: examples/tiny's table has the
# rows of wasm32-wasi and wasm32-wasi-vfs, then a components table where
# wasm32-wasip2 carries the preview1 adapter and imports wasi:filesystem,
# and wasm32-wasip2-vfs has no adapter, no wasi:filesystem, and only
# io, cli, clocks and random interfaces; --modules takes a component too;
# wasi-triple says wasm32-wasip2-vfs can take what wasm32-wasi-vfs can.
# Exit status 0 when every check passed.
[ $# -eq 2 ] || { echo "usage: sizes-test.sh BIN_DIR WORK" >&2; exit 2; }
bin=$1 work=$2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
mkdir -p "$work" || exit 1
tiny=$here/../../examples/tiny/tiny.c

"$bin/wasi-sizes" --keep "$work/keep" "$tiny" >"$work/out" 2>&1
st=$?
[ $st = 0 ] && ok "wasi-sizes tiny.c" || fail "wasi-sizes tiny.c" "status $st: $(head -3 "$work/out")"
grep -q '^wasm32-wasi-vfs  *[0-9]' "$work/out" && ok "preview1 row wasm32-wasi-vfs" ||
    fail "preview1 row wasm32-wasi-vfs" "$(cat "$work/out")"
grep -q '^component  *bytes  *core  *adapter  *tools  *vs preview1 module  *imports  *fs$' "$work/out" &&
    ok "components table header" || fail "components table header" "$(grep '^component' "$work/out")"
grep -E -q '^wasm32-wasip2  +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +wasm32-wasi: \+[0-9]+ .* +yes$' "$work/out" &&
    ok "wasm32-wasip2: adapter, wasi:filesystem" || fail "wasm32-wasip2: adapter, wasi:filesystem" "$(grep '^wasm32-wasip2 ' "$work/out")"
grep -E -q '^wasm32-wasip2-vfs  +[0-9]+ +[0-9]+ +- +[0-9]+ +wasm32-wasi-vfs: [-+][0-9]+ .* +no$' "$work/out" &&
    ok "wasm32-wasip2-vfs: no adapter, no wasi:filesystem" ||
    fail "wasm32-wasip2-vfs: no adapter, no wasi:filesystem" "$(grep '^wasm32-wasip2-vfs ' "$work/out")"
line=$(grep '^  wasm32-wasip2-vfs ' "$work/out")
case $line in
*filesystem*|*sockets*|*other*) fail "wasm32-wasip2-vfs imports by package" "$line" ;;
*"io: "*"cli: "*"clocks: "*) ok "wasm32-wasip2-vfs imports by package" ;;
*) fail "wasm32-wasip2-vfs imports by package" "$line" ;;
esac
"$bin/wasi-sizes" --modules p1="$work/keep/wasm32-wasi-vfs.wasm" p2="$work/keep/wasm32-wasip2-vfs.wasm" >"$work/mod" 2>&1
st=$?
if [ $st = 0 ] && grep -q '^p1  *[0-9]' "$work/mod" && grep -E -q '^p2  +[0-9]+ .* p1: ' "$work/mod"; then
    ok "wasi-sizes --modules with a component"
else
    fail "wasi-sizes --modules with a component" "status $st: $(cat "$work/mod")"
fi
"$bin/wasm32-wasi-vfs-clang" -c -O2 "$tiny" -o "$work/tiny.o" &&
    (cd "$work" && "$bin/wasi-triple" tiny.o) >"$work/triple" 2>&1
grep -q '^as a component (WASI 0.2): wasm32-wasip2-vfs (as wasm32-wasi-vfs; imports wasi:io, wasi:cli, wasi:clocks, wasi:random only)$' "$work/triple" &&
    ok "wasi-triple names wasm32-wasip2-vfs" || fail "wasi-triple names wasm32-wasip2-vfs" "$(cat "$work/triple")"
finish
