#!/bin/sh
# program-names.sh BIN WORK: a program that defines io_read, io_write,
# io_stdin, vfs_open, wasi_vfs_write_file, ... (legacy-names.c) links on
# every triple that takes files (wasm32-wasi-vfs by default, with
# --vfs-exports and with --vfs-no-transfer; wasm32-wasi) with no
# "duplicate symbol", and runs with its own definitions called.
set -u
BIN=$1 WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../support/checks.sh"
mkdir -p "$WORK" && cd "$WORK" || exit 2
try() { # NAME TRIPLE OPTIONS... (wasm32-wasi: /tmp is WORK's folder)
    name=$1 triple=$2
    shift 2
    set --  "$@" -o "$name.wasm"
    dir=
    [ "$triple" = wasm32-wasi ] && dir="--dir $PWD::/tmp"
    if "$BIN/$triple-clang" -O2 "$HERE/legacy-names.c" "$@" 2>"$name.log"; then
        out=$("$BIN/wasi-run" $dir "$name.wasm" 2>&1)
        if [ "$out" = "26 names, ok" ]; then ok "$name"; else fail "$name" "ran: $out"; fi
    else
        fail "$name" "link: $(grep -m3 -i 'error' "$name.log")"
    fi
}
try vfs wasm32-wasi-vfs
try vfs-exports wasm32-wasi-vfs --vfs-exports
try vfs-no-transfer wasm32-wasi-vfs --vfs-no-transfer
try plain wasm32-wasi
finish
