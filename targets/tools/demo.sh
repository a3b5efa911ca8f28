#!/bin/sh
# The main job: what this project is for, in one run.
#   1. examples/tiny, the smallest file program: built for wasm32-wasi and
#      wasm32-wasi-vfs, run on each (the first on a host directory, the
#      second with none at all), and its sizes.
#   2. Real legacy C: the Lua 5.4 interpreter from Debian's source package
#      (fetched once and cached), built with its own Makefile for each
#      triple, only the compiler changed (make CC=<triple>-clang posix);
#      wasm32-wasi-io refuses it (it opens files by name). Each build runs
#      examples/lua/notes.lua, which writes, renames and reads files. Then
#      the size and host-capability table (and a chart), and wasi-triple's
#      verdict from Lua's objects.
#   usage: demo.sh BUILD_DIR SOURCE_DIR [DEBIAN_CACHE]
# Exit status: 0, or 1 when a step that should work did not.
set -u
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: demo.sh BUILD_DIR SOURCE_DIR [DEBIAN_CACHE]" >&2; exit 2; }
build=$(CDPATH= cd -- "$1" && pwd) || exit 2
bin=$build/bin
src=$(CDPATH= cd -- "$2" && pwd) || exit 2
cache=${3:-}
if [ -z "$cache" ]; then # the default of examples/CMakeLists.txt
    if [ -n "${XDG_CACHE_HOME:-}" ]; then cache=$XDG_CACHE_HOME/wasi-triples/debian-sources
    else cache=${HOME:-$build}/.cache/wasi-triples/debian-sources; fi
fi
out=$build/demo
rm -rf "$out" && mkdir -p "$out" || exit 2
status=0

# run TRIPLE MODULE [ARGS...]: runs a module the way its triple wants:
# wasm32-wasi on a fresh host directory (with a tmp/) preopened at "/",
# the others with no host directory.
run() {
    t=$1; shift
    if [ "$t" = wasm32-wasi ]; then
        host=$(mktemp -d "$out/host.XXXXXX") && mkdir "$host/tmp" || exit 2
        echo "   (wasi-run --dir $host::/: a host directory preopened at /)"
        "$bin/wasi-run" --dir "$host::/" "$@" || status=1
    else
        echo "   (wasi-run with no host directory at all: the files live in the module)"
        "$bin/wasi-run" "$@" || status=1
    fi
}

echo "=== 1. examples/tiny: fopen, fputs, fgets, remove"
for t in wasm32-wasi wasm32-wasi-vfs; do
    echo "== $t-clang -Oz examples/tiny/tiny.c"
    if "$bin/$t-clang" -Oz "$src/examples/tiny/tiny.c" -o "$out/tiny.$t.wasm" 2>"$out/err"; then
        run "$t" "$out/tiny.$t.wasm"
    else
        echo "   does not build: $(grep -m1 'error:' "$out/err" | sed 's/^.*error: //')"
        status=1
    fi
done
echo "== wasi-sizes examples/tiny/tiny.c"
"$bin/wasi-sizes" --svg "$out/tiny-sizes.svg" "$src/examples/tiny/tiny.c" || status=1
echo

echo "=== 2. Lua 5.4, unchanged, from Debian's source package lua5.4"
if ! tree=$(sh "$src/tests/support/debian-source.sh" lua5.4 "$cache"); then
    echo "   cannot fetch lua5.4 (above); run ./install-deps.sh as root for deb-src entries"
    exit 1
fi
echo "   source: $tree"
for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    echo "== make CC=\"$t-clang -std=gnu99\" AR=\"$t-ar rcu\" RANLIB=$t-ranlib posix"
    if sh "$src/tests/legacy/lua/build.sh" "$tree" "$out/lua/$t" "$t" "$bin" 2>"$out/err"; then
        echo "   built $out/lua/$t/lua"
        run "$t" "$out/lua/$t/lua" - <"$src/examples/lua/notes.lua"
    else
        why=$(grep -m1 'error:' "$out/lua/$t/build.log" | sed 's/^.*error: //')
        echo "   does not build: ${why:-see $out/lua/$t/build.log}"
        if [ "$t" = wasm32-wasi-io ]; then
            echo "   (the first error make met; wasi-triple, below, lists all that the triple lacks)"
        else
            status=1
        fi
    fi
done
echo "== wasi-sizes --modules (Lua as its Makefile builds it, -O2)"
"$bin/wasi-sizes" --modules --svg "$out/lua-sizes.svg" \
    --title "Lua 5.4 (Debian's lua5.4, make posix): module sizes in bytes" \
    wasm32-wasi="$out/lua/wasm32-wasi/lua" \
    wasm32-wasi-vfs="$out/lua/wasm32-wasi-vfs/lua" || status=1
echo "== wasi-triple src/lua.o src/liblua.a -- -lm (which triples can take Lua, and why)"
(cd "$out/lua/wasm32-wasi-vfs/src/src" && "$bin/wasi-triple" lua.o liblua.a -- -lm) || status=1
echo
echo "charts: $out/tiny-sizes.svg $out/lua-sizes.svg"
exit $status
