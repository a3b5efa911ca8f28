#!/bin/sh
# old-config-sub.sh BUILD_DIR SOURCE_DIR WORK_DIR CACHE_DIR
# The documented configure command for packages whose config.sub predates
# WASI (README.md, "Legacy C, unchanged"):
#   ./configure --host=wasm32-wasi ac_cv_host=wasm32-unknown-wasi CC=... AR=... RANLIB=...
# on Debian's libogg, whose config.sub (2018-02-22) rejects wasm32-wasi.
# ac_cv_host is the cache variable of autoconf's host check: set, the
# check takes it instead of running config.sub. Checks that plain
# --host=wasm32-wasi fails there (the premise), that the command
# configures and builds the library and its tests with libogg's own
# Makefiles, and that its two test programs pass under wasi-run.
set -u
[ $# -eq 4 ] || { echo "usage: $0 BUILD_DIR SOURCE_DIR WORK_DIR CACHE_DIR" >&2; exit 2; }
bin=$(CDPATH= cd -- "$1" && pwd)/bin || exit 2
src=$(CDPATH= cd -- "$2" && pwd) || exit 2
work=$3 cache=$4
. "$src/tests/support/checks.sh"
tree=$(sh "$src/tests/support/debian-source.sh" libogg "$cache") || {
    fail "libogg source" "debian-source.sh could not fetch it"; finish; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cp -a "$tree" "$work/ogg" && cd "$work/ogg" || exit 2
t=wasm32-wasi-vfs
tools="CC=$bin/$t-clang AR=$bin/$t-ar RANLIB=$bin/$t-ranlib"

# shellcheck disable=SC2086
if ./configure --host=wasm32-wasi $tools >"$work/plain.log" 2>&1; then
    fail "old config.sub rejects --host=wasm32-wasi" "configure succeeded: config.sub is not old"
elif grep -q "system \`wasi' not recognized" "$work/plain.log"; then
    ok "old config.sub rejects --host=wasm32-wasi"
else
    fail "old config.sub rejects --host=wasm32-wasi" "$(tail -n 3 "$work/plain.log")"
fi
# shellcheck disable=SC2086
if ./configure --host=wasm32-wasi ac_cv_host=wasm32-unknown-wasi $tools >"$work/configure.log" 2>&1 &&
   grep -q '^checking host system type... (cached) wasm32-unknown-wasi$' "$work/configure.log"; then
    ok "configure with ac_cv_host"
else
    fail "configure with ac_cv_host" "$(tail -n 3 "$work/configure.log")"
fi
if make >"$work/make.log" 2>&1 && make -C src test_bitwise test_framing >>"$work/make.log" 2>&1; then
    ok "make (library and tests)"
else
    fail "make (library and tests)" "$(tail -n 5 "$work/make.log")"
fi
for p in test_bitwise test_framing; do
    if "$bin/wasi-run" "src/$p" >"$work/$p.out" 2>&1 && ! grep -qi "fail" "$work/$p.out" &&
       [ "$(grep -c ' ok\.' "$work/$p.out")" -ge 16 ]; then
        ok "libogg $p passes"
    else
        fail "libogg $p passes" "$(tail -n 3 "$work/$p.out")"
    fi
done
finish
