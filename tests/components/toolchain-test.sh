#!/bin/sh
# toolchain-test.sh BUILD_DIR WORK (absolute paths): the component triples' CMake toolchain
# files (BUILD_DIR/share/cmake/<triple>.cmake): cmake-project/ configures,
# builds a component and runs its tests through the emulator
# (wasi-run-component), a C++ one among them; the C++ drivers build and
# run iostreams on every component triple and fstream on wasm32-wasip2-vfs,
# wasm32-wasip2-io has no <fstream>, exceptions are off. Exit status 0 when
# every check passed.
[ $# -eq 2 ] || { echo "usage: toolchain-test.sh BUILD_DIR WORK" >&2; exit 2; }
build=$1 work=$2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
mkdir -p "$work" || exit 1
for t in wasm32-wasip2 wasm32-wasip2-vfs wasm32-wasip2-io; do
    b=$work/$t
    prog=tiny # the project's program (cmake-project/CMakeLists.txt)
    [ $t = wasm32-wasip2-vfs ] || prog=hello
    rm -rf "$b"
    if cmake -S "$here/cmake-project" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$build/share/cmake/$t.cmake" \
            >"$work/$t.log" 2>&1 && cmake --build "$b" >>"$work/$t.log" 2>&1 &&
       [ "$(od -An -tx1 -N8 "$b/$prog.wasm" | tr -d ' \n')" = 0061736d0d000100 ]; then
        ok "$t toolchain file builds a component"
    else
        fail "$t toolchain file builds a component" "$(tail -5 "$work/$t.log")"
        continue
    fi
    if ctest --test-dir "$b" >>"$work/$t.log" 2>&1; then
        ok "$t toolchain file's emulator runs the test"
    else
        fail "$t toolchain file's emulator runs the test" "$(tail -5 "$work/$t.log")"
    fi
done

# C++ by the drivers: <triple>-clang++ (libc++, libc++abi, no exceptions)
tc=$here/../toolchain
for t in wasm32-wasip2 wasm32-wasip2-vfs wasm32-wasip2-io; do
    if "$build/bin/$t-clang++" -O2 "$tc/hello.cc" -o "$work/hello.$t.cc.wasm" 2>"$work/err"; then
        out=$("$build/bin/wasi-run-component" "$work/hello.$t.cc.wasm" c a b 2>&1)
        st=$? # 3 words: exit(3), which wasi:cli/exit carries as failure
        if [ $st -eq 1 ] && [ "$out" = "hello from C++: a b c" ]; then ok "$t-clang++ runs"
        else fail "$t-clang++ runs" "status $st: $out"; fi
    else
        fail "$t-clang++ builds" "$(head -3 "$work/err")"
    fi
done
"$build/bin/wasm32-wasip2-vfs-clang++" -O2 "$tc/fstream.cc" -o "$work/fstream.wasm" 2>"$work/err" &&
    out=$("$build/bin/wasi-run-component" "$work/fstream.wasm" 2>&1)
if [ $? -eq 0 ] && [ "$out" = "1: first 1
2: second 2.5
missing file opens: no" ]; then ok "wasm32-wasip2-vfs fstream writes and reads back"
else fail "wasm32-wasip2-vfs fstream" "$(head -3 "$work/err") $out"; fi
"$build/bin/wasm32-wasip2-io-clang++" -c "$tc/fstream.cc" -o "$work/x.o" 2>"$work/err"
if [ $? -eq 1 ] && grep -qF '<fstream>: wasm32-wasip2-io has no files' "$work/err"; then
    ok "wasm32-wasip2-io has no <fstream>"
else fail "wasm32-wasip2-io has no <fstream>" "$(head -3 "$work/err")"; fi
"$build/bin/wasm32-wasip2-vfs-clang++" -c "$tc/throw.cc" -o "$work/x.o" 2>"$work/err"
if [ $? -eq 1 ] && grep -qF "cannot use 'throw' with exceptions disabled" "$work/err"; then
    ok "C++ exceptions are off"
else fail "C++ exceptions are off" "$(head -3 "$work/err")"; fi
finish
