#!/bin/sh
# npm-deps.sh SOURCE_DIR DEPS_DIR: the npm packages of the project's
# JavaScript tools (package.json, package-lock.json at SOURCE_DIR: eslint,
# prettier) installed in DEPS_DIR/node_modules with `npm ci`, exactly as
# the lock file says; nothing is done when DEPS_DIR already holds that lock
# file's install. Exit status 0 when they are there; 1 when npm is missing
# or fails under CI=true; 77 (a skip) when it fails otherwise (no network).
set -u
[ $# -eq 2 ] || { echo "usage: npm-deps.sh SOURCE_DIR DEPS_DIR" >&2; exit 2; }
src=$1 deps=$2
skip() {
    echo "npm-deps: $1" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
}
mkdir -p "$deps" || exit 1
if [ -f "$deps/node_modules/.installed-lock.json" ] &&
    cmp -s "$src/package-lock.json" "$deps/node_modules/.installed-lock.json"; then
    echo "npm-deps: $deps/node_modules is up to date with package-lock.json"
    exit 0
fi
command -v npm >/dev/null 2>&1 || skip "npm not found (./install-deps.sh installs it)"
cp "$src/package.json" "$src/package-lock.json" "$deps/" || exit 1
(cd "$deps" && npm ci --no-audit --no-fund --ignore-scripts) || skip "npm ci failed in $deps"
cp "$src/package-lock.json" "$deps/node_modules/.installed-lock.json" || exit 1
echo "npm-deps: installed in $deps/node_modules"
