#!/bin/sh
# other-wasi-libc.sh SOURCE_DIR WORK WHICH TESTS_REGEX [EXCLUDE_REGEX]
#
# The whole project against another wasi-libc, WHICH:
#   debian:SUITE   Debian SUITE's (e.g. debian:trixie): its .deb through a
#                  private apt source list (cmake/debian-wasi-libc.sh)
#   npm:VERSION    the sysroot of npm's @yowasp/clang at VERSION, a pinned
#                  version whose integrity is checked (cmake/npm-wasi-sysroot.sh)
# either unpacked into WORK. Configures the project a second time in
# WORK/build through the build's contract (-DWASI_LIBC_INCLUDE=...
# -DWASI_LIBC_LIB=...), builds it and runs the ctest tests matching
# TESTS_REGEX (and not EXCLUDE_REGEX) there. Checks that the second build
# really used that wasi-libc (its libc.a is the one merged into every
# triple's). Prints "N passed, M failed"; exit status 0 when all passed.
set -u
[ $# -eq 4 ] || [ $# -eq 5 ] || { echo "usage: other-wasi-libc.sh SOURCE_DIR WORK debian:SUITE|npm:VERSION TESTS_REGEX [EXCLUDE_REGEX]" >&2; exit 2; }
SRC=$1 W=$2 WHICH=$3 TESTS=$4 EXCLUDE=${5:-^$}
. "$SRC/tests/support/checks.sh"
mkdir -p "$W" || exit 1

inc= lib=
case $WHICH in
    debian:?*)
        name="Debian ${WHICH#debian:}'s wasi-libc"
        if usr=$(sh "$SRC/cmake/debian-wasi-libc.sh" "${WHICH#debian:}" "$W/wasi-libc"); then
            inc=$usr/include/wasm32-wasi lib=$usr/lib/wasm32-wasi
            ls "$usr/share/doc/wasi-libc" >/dev/null 2>&1 &&
                echo "wasi-libc: $(zcat "$usr/share/doc/wasi-libc/changelog.Debian.gz" 2>/dev/null | head -1)"
        fi ;;
    npm:?*)
        name="the wasi-libc of @yowasp/clang@${WHICH#npm:}"
        if root=$(sh "$SRC/cmake/npm-wasi-sysroot.sh" "${WHICH#npm:}" "$W/wasi-libc"); then
            inc=$root/include/wasm32-wasip1 lib=$root/lib/wasm32-wasip1
        fi ;;
    *) echo "other-wasi-libc.sh: WHICH is debian:SUITE or npm:VERSION, not '$WHICH'" >&2; exit 2 ;;
esac
if [ -n "${lib:-}" ]; then
    ok "fetch $name"
else
    fail "fetch $name" "the fetch failed (see above)"
    finish
    exit 1
fi

# The second build leaves parts out on purpose (Debian sources, itself), so
# CI=true, which turns every left-out part into an error, is not passed on.
b=$W/build
if env -u CI cmake -S "$SRC" -B "$b" -DWASI_LIBC_INCLUDE="$inc" -DWASI_LIBC_LIB="$lib" \
    -DWASI_DEBIAN_SOURCES=OFF -DWASI_TEST_DEBIAN13_LIBC=OFF -DWASI_TEST_WASI_SDK_LIBC=OFF -DWASI_COMPONENTS=OFF >"$W/configure.log" 2>&1; then
    ok "configure against $name"
else
    tail -20 "$W/configure.log"
    fail "configure against $name" "see $W/configure.log"
    finish
    exit 1
fi
if env -u CI cmake --build "$b" -j2 >"$W/build.log" 2>&1; then
    ok "build against $name"
else
    grep -B2 -A12 -E 'Error|error:' "$W/build.log" | head -60
    fail "build against $name" "see $W/build.log"
    finish
    exit 1
fi

# Every triple's libc.a holds that wasi-libc's members but the replaced
# ones (the merge's replaced.txt); Debian 13's replaces realpath.o too.
ar=$(sed -n 's/^WASI_AR:FILEPATH=//p' "$b/CMakeCache.txt")
"$ar" t "$lib/libc.a" | sort -u >"$W/base-members"
"$ar" t "$b/sysroot/lib/wasm32-wasi-vfs/libc.a" | sort -u >"$W/vfs-members"
grep -v '^#' "$b/libc-overlay/merge/replaced.txt" | sort -u >"$W/replaced"
missing=$(comm -23 "$W/base-members" "$W/vfs-members" | comm -23 - "$W/replaced" | tr '\n' ' ')
[ -s "$W/base-members" ] && [ -z "$missing" ] &&
    ok "wasm32-wasi-vfs libc.a is that wasi-libc's libc.a but $(tr '\n' ' ' <"$W/replaced")" ||
    fail "wasm32-wasi-vfs libc.a is that wasi-libc's libc.a" "members missing: $missing"

if env -u CI ctest --test-dir "$b" -R "$TESTS" -E "$EXCLUDE" -j2 --output-on-failure >"$W/ctest.log" 2>&1; then
    ok "ctest -R '$TESTS' against $name: $(grep 'tests passed' "$W/ctest.log")"
else
    grep -E 'Failed|\*\*\*|FAIL ' "$W/ctest.log" | head -40
    fail "ctest -R '$TESTS' against $name" "$(grep 'tests passed' "$W/ctest.log")"
fi
finish
