#!/bin/sh
# import-audit.sh NODE [--also NAME]... MODULE...
#
# A wasm32-wasi-io module imports nothing but the streams' and the harmless
# calls of WASI preview1: fd_read, fd_write, fd_fdstat_get, fd_close,
# poll_oneoff, args, environ, clocks, random, proc_exit. Prints each
# module's imports; fails on any other. --also NAME allows one more for the
# modules given (the test of everything calls fdopen, whose musl code can
# set O_APPEND: fd_fdstat_set_flags, a stream's flags, no file name).
set -u
[ $# -ge 2 ] || { echo "usage: $0 NODE [--also NAME]... MODULE..." >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
node=$1
shift
allowed="fd_read fd_write fd_fdstat_get fd_close poll_oneoff args_get
args_sizes_get environ_get environ_sizes_get clock_time_get clock_res_get
random_get proc_exit"
while [ "${1:-}" = --also ] && [ $# -ge 2 ]; do
    allowed="$allowed $2"
    shift 2
done
for m in "$@"; do
    list=$("$node" -e '
        const fs = require("fs");
        const mod = new WebAssembly.Module(fs.readFileSync(process.argv[1]));
        for (const i of WebAssembly.Module.imports(mod))
            console.log(i.module + "." + i.name + (i.kind === "function" ? "" : ":" + i.kind));
    ' "$m" 2>&1) || { fail "$(basename "$m")" "cannot read: $list"; continue; }
    bad=
    names=
    for imp in $list; do
        name=${imp#wasi_snapshot_preview1.}
        names="$names $name"
        if [ "$name" = "$imp" ] || ! echo " $allowed " | tr '\n' ' ' | grep -q " $name "; then
            bad="$bad $imp"
        fi
    done
    if [ -n "$bad" ]; then
        fail "$(basename "$m")" "imports outside the wasm32-wasi-io list:$bad"
    else
        ok "$(basename "$m"):$names"
    fi
done
finish
