#!/bin/sh
# The main job: builds the sample programs for the triples, runs each module
# that builds, and prints what each triple costs.
#   usage: demo.sh BUILD_DIR SOURCE_DIR
set -u
bin=$(CDPATH= cd -- "$1/bin" && pwd) || exit 2
src=$(CDPATH= cd -- "$2" && pwd) || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
status=0

# demo PROGRAM ARGS...: build for wasm32-wasi and wasm32-wasi-vfs, run both.
demo() {
    prog=$1; shift
    for t in wasm32-wasi wasm32-wasi-vfs; do
        mod="$work/$prog.$t.wasm"
        echo "== examples/$prog on $t"
        if ! "$bin/$t-clang" -Oz "$src/examples/$prog/"*.c -Wl,--strip-all \
                -o "$mod" 2>"$work/err"; then
            echo "   does not build: $(grep -m1 'error:' "$work/err" | sed 's/^[^ ]* //')"
            [ "$t" = wasm32-wasi-vfs ] && status=1
            continue
        fi
        if [ "$t" = wasm32-wasi ]; then
            host="$work/host-$prog"
            mkdir -p "$host"
            echo "   (run with host directory $host preopened at /)"
            "$bin/wasi-run" --dir "$host::/" "$mod" "$@" || status=1
        else
            echo "   (run with no host directory at all)"
            "$bin/wasi-run" "$mod" "$@" || status=1
        fi
    done
    echo "== module sizes of examples/$prog (-Oz, stripped)"
    "$bin/wasi-sizes" "$src/examples/$prog/"*.c
    echo
}

demo tiny
demo legacy-cards demo
exit $status
