#!/bin/sh
# no-allocator.sh BIN WORK: a stream-only program (size/streams.c) linked
# for wasm32-wasi-vfs pulls in no general-purpose allocator (wasi-libc's
# dlmalloc.o), no filesystem (the overlay's state.o) and no transfer of
# files (transfer.o), per the link map; and it copies stdin to stdout.
set -u
BIN=$1 WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../support/checks.sh"
mkdir -p "$WORK" && cd "$WORK" || exit 2
if "$BIN/wasm32-wasi-vfs-clang" -Oz "$HERE/size/streams.c" -Wl,-Map=streams.map \
    -o streams.wasm 2>build.log; then
    for m in dlmalloc.o ovl-state.o ovl-transfer.o; do
        if grep -q "($m)" streams.map; then fail "no-$m" "$m is in the link"; else ok "no-$m"; fi
    done
    got=$(printf 'a line\n' | "$BIN/wasi-run" streams.wasm 2>&1)
    if [ "$got" = "a line" ]; then ok copies; else fail copies "got '$got'"; fi
else
    fail link "$(head -3 build.log)"
fi
finish
