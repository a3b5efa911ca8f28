#!/bin/sh
# libyaml/test.sh OUT BIN WORK
#
# LibYAML, built by libyaml/build.sh: its own test suite through ctest in
# every build tree (on WebAssembly ctest runs each test under wasi-run);
# then, compared with the native build (test-lib.sh), its tests' output
# and its test-suite tools on LibYAML's example documents, which go into
# the wasm32-wasi-vfs module with `wasi-run --in` (VFS_FILES=1):
# run-parser-test-suite prints each document's events, and
# run-emitter-test-suite turns those events back into YAML.
set -u
[ $# -eq 3 ] || { echo "usage: libyaml/test.sh OUT BIN WORK" >&2; exit 2; }
OUT=$1 BIN=$2 WORK=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 2
EXPECTED=$here/expected
. "$here/../test-lib.sh"
src=$OUT/native/src
TRIPLES=wasm32-wasi-vfs' wasm32-wasi'

for t in native $TRIPLES; do
    if ctest --test-dir "$OUT/$t/bld" >"$WORK/ctest-$t.log" 2>&1; then
        ok "ctest ($t)"
    else
        fail "ctest ($t)" "LibYAML's own tests failed:"
        tail -n 20 "$WORK/ctest-$t.log"
    fi
done
NO_FILES=1 compare test-version /dev/null test-version
NO_FILES=1 compare test-reader /dev/null test-reader

VFS_FILES=1

mkdir -p "$WORK/seed" && cp "$src"/examples/*.yaml "$WORK/seed/" || exit 2
SEED=$WORK/seed
for f in anchors.yaml global-tag.yaml strings.yaml; do
    compare "parse-$f" /dev/null run-parser-test-suite "$f"
    cp "$WORK/parse-$f/native.stdout" "$SEED/$f.events" || exit 2
done
compare emit-anchors /dev/null run-emitter-test-suite anchors.yaml.events
compare emit-strings-flow /dev/null run-emitter-test-suite --flow on \
    strings.yaml.events
printf 'key: [unclosed\n' >"$SEED/bad.yaml" || exit 2
compare parse-bad /dev/null run-parser-test-suite bad.yaml
finish
