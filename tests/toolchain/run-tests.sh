#!/bin/sh
# run-tests.sh BUILD_DIR SOURCE_DIR WORK_DIR
# Checks the toolchain as a user meets it: the drivers of each triple, the
# equivalence of the driver and plain clang with the sysroot, the sealed
# sysroot, make and CMake builds, the installed and relocated prefix (with
# add_wasi_executable and its size report), and configure's message for a
# missing toolchain.
set -u
[ $# -eq 3 ] || { echo "usage: $0 BUILD_DIR SOURCE_DIR WORK_DIR" >&2; exit 2; }
build=$(CDPATH= cd -- "$1" && pwd) || exit 2
src=$(CDPATH= cd -- "$2" && pwd) || exit 2
work=$3
here="$src/tests/toolchain"
rm -rf "$work" && mkdir -p "$work" && work=$(CDPATH= cd -- "$work" && pwd) || exit 2
bin="$build/bin"
clang=$(sed -n 's/^exec "${WASI_CLANG:-\(.*\)}".*/\1/p' "$bin/wasm32-wasi-clang")
. "$here/../tools/checks.sh"
# check NAME CMD...: runs CMD (output in $work/out), ok when it succeeds
check() {
    name=$1; shift
    if "$@" >"$work/out" 2>&1; then ok "$name"; else fail "$name" "$(tail -n 5 "$work/out")"; fi
}
expect_out() { # NAME EXPECTED CMD...
    name=$1 want=$2; shift 2
    got=$("$@" 2>&1)
    if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "got '$got', want '$want'"; fi
}

for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    check "$t-clang builds" "$bin/$t-clang" -O2 "$here/hello.c" -o "$work/hello.$t.wasm"
    expect_out "$t module runs" "hello from $t with 1 argument(s)" \
        "$bin/wasi-run" "$work/hello.$t.wasm" "$t"
    "$bin/wasi-run" "$work/hello.$t.wasm" x 7 >/dev/null 2>&1
    st=$?
    [ $st -eq 7 ] && ok "$t exit status" || fail "$t exit status" "got $st, want 7"
    # The driver and plain clang with the sysroot make the same module; the
    # only flags the config file adds are the triple's flags.cfg lines and
    # the folder of the wasm-opt that keeps the name section (-B).
    flags=$(grep -v '^#' "$src/targets/$t/flags.cfg")
    # shellcheck disable=SC2086
    # The same file name: the name section names the module after it.
    mkdir -p "$work/plain"
    "$clang" --target="$t" --sysroot="$build/sysroot" $flags \
        -B"$build/libexec/wasi-triples" -O2 "$here/hello.c" \
        -o "$work/plain/hello.$t.wasm" 2>"$work/out"
    if cmp -s "$work/hello.$t.wasm" "$work/plain/hello.$t.wasm"; then
        ok "$t clang --sysroot equals driver"
    else
        fail "$t clang --sysroot equals driver" "modules differ"
    fi
    check "$t-ar/ranlib/nm" sh -c "
        '$bin/$t-clang' -c '$here/cmake-project/greet.c' -o '$work/g.o' &&
        rm -f '$work/libg.a' && '$bin/$t-ar' rc '$work/libg.a' '$work/g.o' &&
        '$bin/$t-ranlib' '$work/libg.a' && '$bin/$t-nm' '$work/libg.a' | grep -q ' T greet'"
done

# Sealed: a header wasi-libc lacks (and the triple does not add) is
# missing, not taken from glibc.
printf '#include <sys/epoll.h>\n' >"$work/epoll.c"
if "$bin/wasm32-wasi-clang" -c "$work/epoll.c" -o "$work/epoll.o" 2>"$work/out"; then
    fail "sysroot is sealed" "<sys/epoll.h> found for wasm32-wasi"
elif grep -q "'sys/epoll.h' file not found" "$work/out"; then
    ok "sysroot is sealed"
else
    fail "sysroot is sealed" "$(head -n 2 "$work/out")"
fi

# make CC=... AR=... RANLIB=...
for t in wasm32-wasi wasm32-wasi-vfs; do
    rm -rf "$work/make-$t" && cp -r "$here/make-project" "$work/make-$t"
    check "$t make CC= AR=" make -C "$work/make-$t" CC="$bin/$t-clang" \
        AR="$bin/$t-ar" RANLIB="$bin/$t-ranlib"
    expect_out "$t make-built module runs" "greetings from make" \
        "$bin/wasi-run" "$work/make-$t/probe"
done

# CMake toolchain files, from the build tree.
cmake_probe() { # NAME PREFIX TRIPLE
    b="$work/cmake-$1"
    rm -rf "$b"
    check "$1 configure" cmake -S "$here/cmake-project" -B "$b" \
        -DCMAKE_TOOLCHAIN_FILE="$2/share/cmake/$3.cmake"
    check "$1 build" cmake --build "$b"
    check "$1 ctest" ctest --test-dir "$b" --output-on-failure
}
for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    cmake_probe "$t-toolchain-file" "$build" "$t"
done

# Install, then move the prefix: everything must still work.
check "cmake --install" cmake --install "$build" --prefix "$work/prefix"
mv "$work/prefix" "$work/moved"
p="$work/moved"
for d in bin share/cmake share/wasi-sysroot/include/wasm32-wasi-vfs \
         share/wasi-sysroot/lib/wasm32-wasi-vfs; do
    [ -d "$p/$d" ] && ok "prefix has $d" || fail "prefix has $d" "missing"
done
check "relocated prefix builds" "$p/bin/wasm32-wasi-vfs-clang" -O2 "$here/hello.c" \
    -o "$work/hello.moved.wasm"
expect_out "relocated module runs" "hello from moved with 1 argument(s)" \
    "$p/bin/wasi-run" "$work/hello.moved.wasm" moved
cmake_probe "relocated-toolchain-file" "$p" wasm32-wasi-vfs
# add_wasi_executable from the relocated prefix: one program, every triple,
# and its size report (table and chart).
m="$work/multi"
check "add_wasi_executable configure" cmake -S "$here/multi-project" -B "$m" \
    -DWASI_PREFIX="$p"
check "add_wasi_executable build" cmake --build "$m"
for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    expect_out "add_wasi_executable $t module runs" "hello from $t with 1 argument(s)" \
        "$p/bin/wasi-run" "$m/hello.$t.wasm" "$t"
done
check "size-report" cmake --build "$m" --target size-report
for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    if grep -q "^$t  *[0-9]" "$work/out"; then ok "size-report row $t"
    else fail "size-report row $t" "$(grep -m3 wasm32 "$work/out")"; fi
done
if grep -q '</svg>' "$m/hello-sizes.svg" 2>/dev/null; then ok "size-report chart"
else fail "size-report chart" "no $m/hello-sizes.svg"; fi

if grep -rqs "$build" "$p/bin" "$p/share/cmake"; then
    fail "prefix does not mention the build tree" "$(grep -rls "$build" "$p/bin" "$p/share/cmake" | head -n 3)"
else
    ok "prefix does not mention the build tree"
fi

# Configure names the package to install when the toolchain is missing.
mkdir -p "$work/empty-sdk"
cmake -S "$src" -B "$work/no-toolchain" -DWASI_SDK_PATH="$work/empty-sdk" \
    >"$work/out" 2>&1
if grep -q "apt-get install clang-19" "$work/out"; then
    ok "configure names the missing package"
else
    fail "configure names the missing package" "$(grep -m3 -i error "$work/out")"
fi

finish
