#!/bin/sh
# web-package-test.sh BUILD_DIR SQUISH_EXPORTS.wasm WORK
#
# The page's JavaScript for embedders, as installed with the prefix
# (cmake --install): share/wasi-triples/web holds the page and the modules
# with a package.json, and a Node program that has the folder as its
# package "wasi-triples-web" (what npm install FOLDER makes) imports it by
# name and runs a wasm32-wasi-vfs module with files in and out.
set -u
[ $# -eq 3 ] || { echo "usage: web-package-test.sh BUILD_DIR SQUISH_EXPORTS.wasm WORK" >&2; exit 2; }
B=$1 SQ=$2 W=$3
. "$(dirname "$0")/../support/checks.sh"
rm -rf "$W" && mkdir -p "$W/app/node_modules" || exit 1
if cmake --install "$B" --prefix "$W/prefix" >"$W/install.log" 2>&1; then ok install; else
    fail install "$(tail -5 "$W/install.log")"; finish; exit 1; fi
web=$W/prefix/share/wasi-triples/web
missing=
for f in package.json index.html page.mjs wasi-shim.mjs wasi-vfs.mjs js/bytes.mjs js/wasi-abi.mjs js/tar.mjs; do
    [ -f "$web/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "installed: share/wasi-triples/web" || fail "installed: share/wasi-triples/web" "missing$missing"

ln -s "$web" "$W/app/node_modules/wasi-triples-web"
cp "$SQ" "$W/app/squish.wasm"
cat >"$W/app/main.mjs" <<'EOJ'
import fs from 'node:fs';
import { VfsModule, VfsError } from 'wasi-triples-web';
import { WasiShim } from 'wasi-triples-web/wasi-shim.mjs';
import { makeTar } from 'wasi-triples-web/tar.mjs';
const bytes = fs.readFileSync(new URL('./squish.wasm', import.meta.url));
const err = [];
const m = await VfsModule.load(bytes, { args: ['squish', '-kv', '/data/in.txt'],
  stderr: (b) => err.push(Buffer.from(b)) });
m.writeFile('/data/in.txt', 'a'.repeat(600));
const status = m.run();
const out = m.readFile('/data/in.txt.sq'); // 600 bytes: 'a' run-length coded
let missing = '';
try { m.readFile('/data/none'); } catch (e) { missing = e instanceof VfsError ? e.message : `other: ${e}`; }
console.log(`status ${status}; ${Buffer.from(out.subarray(0, 3))} ${out.length < 100}; ` +
  `${Buffer.concat(err).toString().trim()}; ${missing}; shim ${typeof WasiShim}; tar ${typeof makeTar}`);
EOJ
got=$(cd "$W/app" && node main.mjs 2>&1)
want='status 0; SQ1 true; /data/in.txt: 98% -- replaced with /data/in.txt.sq; read /data/none: ENOENT; shim function; tar function'
case $got in
    "status 0; SQ1 true; /data/in.txt: "*"% -- replaced with /data/in.txt.sq; read /data/none: ENOENT; shim function; tar function")
        ok "imported as the package wasi-triples-web: runs a module, files in and out" ;;
    *) fail "imported as the package wasi-triples-web" "got '$got', want like '$want'" ;;
esac
finish
