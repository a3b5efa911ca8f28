#!/bin/sh
# Installs what building and testing need on Debian 12 (run as root);
# libclang-rt-19-dev is the native libFuzzer (tests/fuzz, tests/fuzz-readers),
# chromium is for the web page's test (tests/streams/web-test.mjs), npm for
# the JavaScript checks (tests/js) and a wasi-sdk sysroot's fetch,
# emscripten for the benchmark suite's Emscripten peer columns
# (bench/peers/peers.cmake; Debian 12 has 3.1.6, on its clang-14). Under
# CI=true configure fails, naming the package, when one is missing.
# Idempotent: packages already present are left as they are.
set -eu
packages="cmake make gcc pkg-config check
  clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32
  libclang-rt-19-dev libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
  wabt binaryen nodejs dpkg-dev gzip tcl
  chromium emscripten"
# npm runs `npm ci` for the JavaScript checks (ctest js.*: eslint and
# prettier as package-lock.json pins them, fetched from the npm registry
# by the test js.deps) and for the component triples (jco and
# preview2-shim, pinned there too, installed by the build), and fetches
# the wasi-sdk sysroot of ctest wasi-libc.wasi-sdk: Debian's npm package, unless the Node.js installed
# brings an npm of its own (NodeSource's).
command -v npm >/dev/null 2>&1 || packages="$packages npm"
missing=
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-deps.sh: missing packages:$missing (run as root)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
fi

# Legacy C code for examples and tests comes from Debian source packages
# (apt-get source): apt needs deb-src entries for the archive in use.
if [ "$(id -u)" -eq 0 ]; then
    sh "$(dirname "$0")/tests/support/debian-source.sh" --setup ||
        echo "install-deps.sh: no deb-src entries: the examples that need Debian sources stay off" >&2
fi
