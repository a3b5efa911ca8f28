#!/bin/sh
# shim-deps.sh NPM_DEPS_SH PEERS_SRC DEPS_DIR: @bjorn3/browser_wasi_shim
# installed in DEPS_DIR/node_modules by `npm ci`, as PEERS_SRC/
# package-lock.json pins it (tests/js/npm-deps.sh does the install). Exit
# status 0 when it is installed, or when npm could not fetch it outside CI
# (the suite then leaves the shim column out and says so); 1 when npm fails
# under CI=true; 2 for a bad command line.
set -u
[ $# -eq 3 ] || { echo "usage: shim-deps.sh NPM_DEPS_SH PEERS_SRC DEPS_DIR" >&2; exit 2; }
sh "$1" "$2" "$3"
rc=$?
if [ $rc -eq 77 ]; then
    echo "shim-deps: @bjorn3/browser_wasi_shim is not installed: the bench leaves its column out" >&2
    exit 0
fi
exit $rc
