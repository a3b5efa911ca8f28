#!/bin/sh
# check-symbols.sh NM SYSROOT WASI_LIBC_LIB ALLOWED: the C library takes no
# name from the program. Every external symbol that the libraries this
# project builds define (each triple's libc.a with io/ merged in, and
# libwasi-io.a, libwasi-vfs-no-transfer.a where present) must be
#   - in the reserved space: starting with "__" (or "_" and a capital), or
#   - one of wasi-libc's own (what its libc.a and libwasi-emulated-*.a
#     define), or
#   - a C/POSIX name listed in ALLOWED (posix-names.txt): the calls the
#     overlays add that wasi-libc lacks.
# Prints "ok TRIPLE/ARCHIVE" or "FAIL TRIPLE/ARCHIVE: the names"; a name
# listed in ALLOWED that no archive defines fails too (the list stays
# exact).
set -u
NM=$1 SYSROOT=$2 WASI_LIB=$3 ALLOWED=$4
. "$(dirname "$0")/../support/checks.sh"
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
defined() { "$NM" --defined-only --extern-only --format=just-symbols "$@" 2>/dev/null |
    grep -v ':$' | grep -v '^$' | sort -u; }
defined "$WASI_LIB/libc.a" "$WASI_LIB"/libwasi-emulated-*.a >"$work/wasi-libc" ||
    { echo "FAIL wasi-libc: cannot list $WASI_LIB/libc.a"; exit 1; }
[ -s "$work/wasi-libc" ] || { echo "FAIL wasi-libc: no symbols in $WASI_LIB/libc.a"; exit 1; }
sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$ALLOWED" | sort -u >"$work/allowed"
: >"$work/used"
for triple in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    for a in libc.a libwasi-io.a libwasi-vfs-no-transfer.a; do
        f=$SYSROOT/lib/$triple/$a
        [ -f "$f" ] || { [ $a = libc.a ] && fail "$triple/$a" "missing: $f"; continue; }
        defined "$f" >"$work/syms"
        [ -s "$work/syms" ] || { fail "$triple/$a" "no symbols listed"; continue; }
        grep -v -e '^__' -e '^_[A-Z]' "$work/syms" | comm -23 - "$work/wasi-libc" >"$work/ours"
        comm -12 "$work/ours" "$work/allowed" >>"$work/used"
        bad=$(comm -23 "$work/ours" "$work/allowed" | tr '\n' ' ')
        if [ -z "$bad" ]; then ok "$triple/$a"; else
            fail "$triple/$a" "outside the C/POSIX and reserved names: $bad(rename them into __, or list a C/POSIX name in $ALLOWED)"; fi
    done
done
unused=$(sort -u "$work/used" | comm -13 - "$work/allowed" | tr '\n' ' ')
if [ -z "$unused" ]; then ok allowed-list-exact; else
    fail allowed-list-exact "listed in $ALLOWED but defined by no archive: $unused"; fi
finish
