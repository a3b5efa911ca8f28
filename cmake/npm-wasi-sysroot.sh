#!/bin/sh
# npm-wasi-sysroot.sh VERSION DEST
#
# Fetches npm's @yowasp/clang at VERSION (one of the versions pinned below,
# each with the sha512 integrity of its tarball), checks that integrity, and
# unpacks from it only the WASI sysroot: wasi-libc's headers and libraries
# for wasm32-wasip1 and the libc++ built with them, laid out as wasi-sdk's
# share/wasi-sysroot is:
#   DEST/sysroot/include/wasm32-wasip1   wasi-libc's headers
#   DEST/sysroot/include/c++/v1          libc++'s headers
#   DEST/sysroot/lib/wasm32-wasip1       libc.a, crt1*.o, libc++.a, libc++abi.a, ...
# for a build against that wasi-libc:
#   cmake -DWASI_LIBC_INCLUDE=DEST/sysroot/include/wasm32-wasip1 \
#         -DWASI_LIBC_LIB=DEST/sysroot/lib/wasm32-wasip1 ...
# (or WASI_SDK_PATH at a prefix whose share/wasi-sysroot this is).
# Prints DEST/sysroot.
#
# npm pack fetches the tarball through npm's own registry settings into
# DEST/npm, with a private npm cache there: nothing is installed, nothing
# outside DEST is written, and a second run needs no network. The
# package's compiler (a WebAssembly build of clang) is not used.
# Exit status: 0 done, 1 cannot fetch, verify or unpack (message on
# stderr), 2 bad usage or a version with no pinned integrity.
set -u
me=npm-wasi-sysroot.sh
pkg=@yowasp/clang
[ $# -eq 2 ] || { echo "usage: $me VERSION DEST" >&2; exit 2; }
version=$1 dest=$2

# The pinned versions: VERSION and the tarball's sha512 integrity, as the
# registry publishes it (npm view $pkg@VERSION dist.integrity).
pinned() {
    case $1 in
        22.0.0-git20542-10)
            echo 'sha512-V31/z9GrJECKeACTDUyvg2llbEUiFi3bxtL5HSg7H/6sydSxdI/AoVAD9F5ozrfLjotWl0B9rghR87m+DUM/zg==' ;;
        *) return 1 ;;
    esac
}
integrity=$(pinned "$version") ||
    { echo "$me: $pkg@$version has no pinned integrity (pinned: 22.0.0-git20542-10)" >&2; exit 2; }

fail() { echo "$me: $*" >&2; exit 1; }

root=$dest/sysroot
if [ -f "$root/.complete" ] && [ "$(cat "$root/.complete")" = "$pkg@$version $integrity" ]; then
    echo "$root"
    exit 0
fi
for tool in npm node tar; do
    command -v $tool >/dev/null 2>&1 || fail "$tool not found (apt-get install npm nodejs tar)"
done

npmdir=$dest/npm
mkdir -p "$npmdir/cache" || fail "cannot write to $dest"
tgz=$npmdir/yowasp-clang-$version.tgz
if [ ! -f "$tgz" ]; then
    echo "$me: $pkg@$version from npm" >&2
    (cd "$npmdir" && npm pack --silent --cache "$npmdir/cache" "$pkg@$version") \
        >"$npmdir/pack.log" 2>&1 ||
        { cat "$npmdir/pack.log" >&2; fail "npm pack $pkg@$version failed (no network to npm's registry?)"; }
    [ -f "$tgz" ] || fail "npm pack left no $tgz"
fi

# sha512 integrity (Subresource Integrity form) of the tarball.
got=$(node -e '
    const h = require("crypto").createHash("sha512");
    h.update(require("fs").readFileSync(process.argv[1]));
    console.log("sha512-" + h.digest("base64"));' "$tgz") || fail "cannot hash $tgz"
if [ "$got" != "$integrity" ]; then
    rm -f "$tgz"
    fail "$tgz: integrity $got, pinned $integrity (file removed)"
fi

# The sysroot is inside the package's gen/llvm-resources.tar, next to the
# compiler's own resource headers, which are left out.
rm -rf "$root" && mkdir -p "$root" || fail "cannot write to $root"
tar -xzOf "$tgz" package/gen/llvm-resources.tar |
    tar -x -C "$root" include/wasm32-wasip1 include/c++ lib/wasm32-wasip1 ||
    fail "$tgz: no include/wasm32-wasip1, include/c++ or lib/wasm32-wasip1 in package/gen/llvm-resources.tar"
[ -f "$root/include/wasm32-wasip1/stdio.h" ] && [ -f "$root/lib/wasm32-wasip1/libc.a" ] ||
    fail "$tgz has no include/wasm32-wasip1/stdio.h or lib/wasm32-wasip1/libc.a"
echo "$me: $pkg@$version ($integrity)" >&2
echo "$pkg@$version $integrity" >"$root/.complete"
echo "$root"
