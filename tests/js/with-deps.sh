#!/bin/sh
# with-deps.sh DEPS_DIR NODE SCRIPT ARGS...: runs NODE DEPS_DIR/node_modules/SCRIPT
# ARGS (eslint, prettier as npm-deps.sh installed them). Exit status:
# theirs; 77 (a skip) when they are not installed, 1 then under CI=true.
set -u
[ $# -ge 3 ] || { echo "usage: with-deps.sh DEPS_DIR NODE SCRIPT ARGS..." >&2; exit 2; }
deps=$1 node=$2 script=$3
shift 3
if [ ! -f "$deps/node_modules/$script" ]; then
    echo "with-deps: $deps/node_modules/$script is not installed (ctest -R js.deps installs it)" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
exec "$node" "$deps/node_modules/$script" "$@"
