#!/bin/sh
# check-imports.sh JCO_RUN COMPONENT...: the imports of each
# wasm32-wasip2-vfs component, read from its WIT (`jco wit`), must be
# interfaces of wasi:io, wasi:cli, wasi:clocks or wasi:random only; any
# other (wasi:filesystem, wasi:sockets, ...) or a component with no WIT is
# a failure naming it. JCO_RUN is the command that runs jco (the node
# binary and jco's script, one word each: "NODE JCO"). Prints each
# component's imports, "ok NAME" or "FAIL NAME: why", then the tally.
# Exit status: 0 all passed, 1 a failure, 2 bad usage.
[ $# -ge 3 ] || { echo "usage: check-imports.sh NODE JCO COMPONENT..." >&2; exit 2; }
node=$1 jco=$2
shift 2
. "$(dirname "$0")/../support/checks.sh"
for c do
    name=$(basename "$c")
    if ! wit=$("$node" "$jco" wit "$c" 2>&1); then
        fail "$name" "jco wit failed: $(echo "$wit" | head -1)"
        continue
    fi
    imports=$(echo "$wit" | sed -n 's/^ *import \([^;]*\);.*/\1/p')
    echo "$name imports: $(echo $imports)"
    bad=$(echo "$imports" | grep -v -E '^wasi:(io|cli|clocks|random)/' | grep .)
    if [ -n "$bad" ]; then
        fail "$name" "imports outside wasi:io, wasi:cli, wasi:clocks, wasi:random: $(echo $bad)"
    elif ! echo "$wit" | grep -q 'export wasi:cli/run@'; then
        fail "$name" "no wasi:cli/run export (not a command component)"
    else
        ok "$name"
    fi
done
finish
