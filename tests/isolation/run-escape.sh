#!/bin/sh
# run-escape.sh RUNNER NODE MODULE PEEK WORKDIR - runs escape.wasm
# (escape.c) next to a host directory holding a canary file: under RUNNER
# (wasi-run) without any preopen, then under Node's WASI (preopen-host.mjs,
# as any WASI host would) with that directory preopened at ".", "/", its own
# path, "/tmp" and "/etc". Every run must pass all of escape.c's checks, print nothing of the
# canary, and leave the host directory exactly as it was (names, sizes,
# modes, modification times, the canary's bytes). The control: PEEK, a
# plain wasm32-wasi module, does read the canary through such a preopen.
set -eu
runner=$1
node=$2
module=$3
peek=$4
work=$5
host_js=$(cd "$(dirname "$0")" && pwd)/preopen-host.mjs

fail() {
    echo "FAIL: $*"
    exit 1
}

rm -rf "$work"
mkdir -p "$work/host"
host=$(cd "$work/host" && pwd -P)
canary=canary.txt
secret="CANARY-$$-$(date +%s)"
echo "$secret" >"$host/$canary"
cp "$module" "$host/escape.wasm"

snapshot() {
    (cd "$host" && find . -exec stat -c '%n %s %a %Y' {} + | sort &&
        cat "$canary")
}
before=$(snapshot)

cd "$host"
n=0
for dir in none . / "$host" /tmp /etc; do
    if [ "$dir" = none ]; then
        set -- "$runner" escape.wasm "$host" "$canary"
    else
        set -- "$node" "$host_js" --dir "$host::$dir" escape.wasm "$host" "$canary"
    fi
    out=$("$@" 2>&1) || fail "$*: exit $?: $out"
    case $out in
    *"$secret"*) fail "$*: the canary was read: $out" ;;
    *"checks, 0 failed"*) ;;
    *) fail "$*: $out" ;;
    esac
    [ "$(snapshot)" = "$before" ] || fail "$*: the host directory changed"
    n=$((n + 1))
    echo "ok: $*: ${out##*: }"
done
out=$("$runner" --dir "$host::/" "$peek" "/$canary" 2>&1) ||
    fail "the control could not read the canary: $out"
[ "$out" = "$secret" ] || fail "the control read '$out', not the canary"
echo "ok: the control, a wasm32-wasi module, reads the canary through --dir"
echo "escape: $n runs, the host directory untouched"
