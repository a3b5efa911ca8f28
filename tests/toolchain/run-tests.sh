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
clang=$(sed -n 's/^WASI_CLANG:[A-Z]*=//p' "$build/CMakeCache.txt")
. "$here/../support/checks.sh"
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

# Every triple in both spellings (wasm32-wasi-vfs and wasm32-wasip1-vfs, ...).
spellings="wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io wasm32-wasip1 wasm32-wasip1-vfs wasm32-wasip1-io"
major=$("$clang" --version | sed -n 's/.*clang version \([0-9]*\)\..*/\1/p' | head -n 1)
for t in $spellings; do
    own=$(echo "$t" | sed 's/wasip1/wasi/')
    check "$t-clang builds" "$bin/$t-clang" -O2 "$here/hello.c" -o "$work/hello.$t.wasm"
    expect_out "$t module runs" "hello from $t with 1 argument(s)" \
        "$bin/wasi-run" "$work/hello.$t.wasm" "$t"
    "$bin/wasi-run" "$work/hello.$t.wasm" x 7 >/dev/null 2>&1
    st=$?
    [ $st -eq 7 ] && ok "$t exit status" || fail "$t exit status" "got $st, want 7"
    # The driver and plain clang with the sysroot make the same module; the
    # only flags the config file adds are the triple's flags.cfg lines and
    # the folder of the wasm-opt that keeps the name section (-B).
    flags=$(grep -v '^#' "$src/targets/$own/flags.cfg")
    [ "$own" = "$t" ] || flags="$flags -resource-dir=$build/lib/clang/$major"
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

# C++ on every triple: <triple>-clang++ (libc++, libc++abi).
for t in $spellings; do
    check "$t-clang++ builds" "$bin/$t-clang++" -O2 "$here/hello.cc" -o "$work/hello.$t.cc.wasm"
    expect_out "$t C++ module runs" "hello from C++: a b c" \
        "$bin/wasi-run" "$work/hello.$t.cc.wasm" c a b
done
fstream_want="1: first 1
2: second 2.5
missing file opens: no"
for t in wasm32-wasi-vfs wasm32-wasip1-vfs; do
    check "$t fstream builds" "$bin/$t-clang++" -O2 "$here/fstream.cc" -o "$work/fstream.$t.wasm"
    expect_out "$t fstream writes and reads back" "$fstream_want" \
        "$bin/wasi-run" "$work/fstream.$t.wasm"
done
check "wasm32-wasi fstream builds" "$bin/wasm32-wasi-clang++" -O2 "$here/fstream.cc" \
    -o "$work/fstream.wasm32-wasi.wasm"
mkdir -p "$work/fstream-dir"
expect_out "wasm32-wasi fstream in a preopened folder" "$fstream_want" \
    "$bin/wasi-run" --dir "$work/fstream-dir::/data" "$work/fstream.wasm32-wasi.wasm" /data/f.txt
expect_fail() { # NAME STATUS MESSAGE CMD...: CMD fails with STATUS, its output holds MESSAGE
    name=$1 want_st=$2 want=$3; shift 3
    "$@" >"$work/out" 2>&1
    st=$?
    if [ $st -ne "$want_st" ]; then fail "$name" "status $st, want $want_st: $(head -n 3 "$work/out")"
    elif grep -qF -- "$want" "$work/out"; then ok "$name"
    else fail "$name" "no '$want' in: $(head -n 3 "$work/out")"; fi
}
expect_fail "wasm32-wasi-io has no <fstream>" 1 \
    '<fstream>: wasm32-wasi-io has no files; use std::cin/std::cout, <wasi_io.h> streams, or the wasm32-wasi-vfs triple' \
    "$bin/wasm32-wasi-io-clang++" -c "$here/fstream.cc" -o "$work/x.o"
expect_fail "C++ exceptions are off" 1 "error: cannot use 'throw' with exceptions disabled" \
    "$bin/wasm32-wasi-vfs-clang++" -c "$here/throw.cc" -o "$work/x.o"

# Plain clang with the sysroot and no flag at all: <setjmp.h> compiles
# (wasm32-wasi-io has none; its config file adds no flag, above).
for t in wasm32-wasi wasm32-wasi-vfs; do
    check "plain clang $t, no flags" "$clang" --target=$t --sysroot="$build/sysroot" \
        "$here/setjmp.c" -o "$work/setjmp.$t.wasm"
    expect_out "plain clang $t module runs" "jmp_buf of 148 bytes" \
        "$bin/wasi-run" "$work/setjmp.$t.wasm"
done

# -fstack-protector-strong (in Debian's hardening flags) links on every
# triple: a canary that holds, and a stop with glibc's line when it does not.
for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    m=$work/stack-protector.$t.wasm
    check "$t -fstack-protector-strong links" "$bin/$t-clang" -O2 \
        -fstack-protector-strong "$here/stack-protector.c" -o "$m"
    expect_out "$t: the canary holds" "copied 7" "$bin/wasi-run" "$m" 1234567
    got=$("$bin/wasi-run" "$m" 0123456789abcdefghijklmnopqrstuvwxyz 2>&1)
    st=$?
    case $got in
    *"*** stack smashing detected ***: terminated"*)
        [ $st -eq 134 ] && ok "$t: an overwritten canary stops the program" ||
            fail "$t: an overwritten canary stops the program" "status $st, want 134 (SIGABRT)" ;;
    *) fail "$t: an overwritten canary stops the program" "status $st: $got" ;;
    esac
done

# Targets the sysroot does not serve stop with a message: the drivers
# before clang runs, plain clang at the first libc header.
for t in wasm32-wasip2 wasm64-wasi wasm32-unknown-unknown; do
    expect_fail "driver refuses --target=$t" 1 \
        "wasm32-wasi-vfs-clang: target '$t' is not served by this sysroot (served: wasm32-wasi, wasm32-wasip1, wasm32-wasi-vfs, wasm32-wasip1-vfs, wasm32-wasi-io, wasm32-wasip1-io)" \
        "$bin/wasm32-wasi-vfs-clang" --target=$t -c "$here/hello.c" -o "$work/x.o"
    expect_fail "plain clang stops for $t" 1 \
        'error: "this sysroot serves the targets wasm32-wasi, wasm32-wasip1, wasm32-wasi-vfs, wasm32-wasip1-vfs, wasm32-wasi-io, wasm32-wasip1-io only; choose one with --target="' \
        "$clang" --target=$t --sysroot="$build/sysroot" -c "$here/hello.c" -o "$work/x.o"
done
expect_fail "clang++ refuses -target wasm32-wasip2" 1 \
    "clang++: target 'wasm32-wasip2' is not served" \
    "$bin/clang++" -target wasm32-wasip2 -c "$here/hello.cc" -o "$work/x.o"

# --help: each driver's own options first, then clang's.
for d in wasm32-wasi-vfs-clang wasm32-wasip1-vfs-clang++ wasm32-wasi-clang clang++ wasm32-wasi-io-clang; do
    "$bin/$d" --help >"$work/help" 2>&1
    st=$?
    if [ $st -eq 0 ] && grep -q "^usage: $d \[--target=TRIPLE\]" "$work/help" &&
       grep -q "^Targets served: wasm32-wasi, wasm32-wasip1" "$work/help" &&
       grep -q "^clang's options:" "$work/help" && grep -q "^OPTIONS:" "$work/help"; then
        ok "$d --help"
    else
        fail "$d --help" "status $st: $(head -n 3 "$work/help")"
    fi
    case $d in
    *-vfs-*) want=yes ;;
    *) want=no ;;
    esac
    got=no
    grep -q "^  --vfs-max-open-files=N" "$work/help" && grep -q "^  --vfs-embed=DIR" "$work/help" && got=yes
    [ $got = $want ] && ok "$d --help lists --vfs- options: $want" ||
        fail "$d --help lists --vfs- options: $want" "got $got"
done
"$bin/wasm32-wasi-vfs-ar" --help >"$work/help" 2>&1
if head -n 1 "$work/help" | grep -q "^wasm32-wasi-vfs-ar: .*llvm-ar.* for WebAssembly objects; no options of its own" &&
   grep -q "OPTIONS:" "$work/help"; then ok "wasm32-wasi-vfs-ar --help"
else fail "wasm32-wasi-vfs-ar --help" "$(head -n 2 "$work/help")"; fi

# Errors of the --vfs- options name the command the user typed.
expect_fail "misspelled --vfs- option names the driver" 1 \
    "wasm32-wasi-vfs-clang: --vfs-imag: unknown option (known: --vfs-embed=DIR[:GUEST]" \
    "$bin/wasm32-wasi-vfs-clang" --vfs-imag "$here/hello.c" -o "$work/x.wasm"
expect_fail "--vfs- option on another triple names the driver" 1 \
    "wasm32-wasi-clang: --vfs-image: only wasm32-wasi-vfs modules have a filesystem of their own (this is wasm32-wasi)" \
    "$bin/wasm32-wasi-clang" --vfs-image "$here/hello.c" -o "$work/x.wasm"
# wasi-sizes takes either spelling; another triple is bad usage (2) (the
# component triples are its own, tests/components).
"$bin/wasi-sizes" -t wasm32-wasip1 -t wasm32-wasip1-vfs "$here/hello.c" >"$work/sizes" 2>&1
if grep -q "^wasm32-wasip1  *[0-9]" "$work/sizes" && grep -q "^wasm32-wasip1-vfs  *[0-9].*vs\|^wasm32-wasip1-vfs  *[0-9]" "$work/sizes"; then
    ok "wasi-sizes -t wasm32-wasip1 -t wasm32-wasip1-vfs"
else
    fail "wasi-sizes -t wasm32-wasip1 -t wasm32-wasip1-vfs" "$(head -n 3 "$work/sizes")"
fi
expect_fail "wasi-sizes -t wasm64-wasi" 2 "wasi-sizes: unknown triple wasm64-wasi" \
    "$bin/wasi-sizes" -t wasm64-wasi "$here/hello.c"
check "--vfs- options on wasm32-wasip1-vfs" "$bin/wasm32-wasip1-vfs-clang" --vfs-image \
    "$here/hello.c" -o "$work/x.wasm"

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
for t in $spellings; do
    cmake_probe "$t-toolchain-file" "$build" "$t"
done
# A user's emulator (with -D) replaces the toolchain file's wasi-run; the
# tests of wasi_vfs_test() run through it with their --in and --out.
printf '#!/bin/sh\necho "$*" >>"%s"\nexec "%s" "$@"\n' "$work/emulator.log" "$bin/wasi-run" \
    >"$work/emulator.sh" && chmod +x "$work/emulator.sh"
rm -f "$work/emulator.log"
b="$work/cmake-emulator"
check "-DCMAKE_CROSSCOMPILING_EMULATOR configure" cmake -S "$here/cmake-project" -B "$b" \
    -DCMAKE_TOOLCHAIN_FILE="$build/share/cmake/wasm32-wasi-vfs.cmake" \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$work/emulator.sh"
check "-DCMAKE_CROSSCOMPILING_EMULATOR build" cmake --build "$b"
check "-DCMAKE_CROSSCOMPILING_EMULATOR ctest" ctest --test-dir "$b" --output-on-failure
if grep -q "probe.wasm" "$work/emulator.log" 2>/dev/null &&
   grep -qF -- "--in $here/cmake-project/data:/in --out /out:$b/out -- $b/copy.wasm /in/a.txt /out/b.txt" "$work/emulator.log"; then
    ok "the user's emulator ran the tests"
else
    fail "the user's emulator ran the tests" "$(head -n 3 "$work/emulator.log" 2>&1)"
fi


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
# wasi-sdk's layout: bin/clang, bin/clang++, bin/llvm-*, share/wasi-sysroot,
# share/cmake/wasi-sdk.cmake; a wasi-sdk recipe works with WASI_SDK_PATH=$p.
for f in clang clang++ llvm-ar llvm-nm llvm-ranlib llvm-strip wasm-ld \
         wasm32-wasip1-vfs-clang++ wasm32-wasi-vfs-ar; do
    [ -x "$p/bin/$f" ] && ok "prefix has bin/$f" || fail "prefix has bin/$f" "missing"
done
WASI_SDK_PATH=$p
check "wasi-sdk recipe: clang --sysroot (default wasm32-wasi)" \
    "$WASI_SDK_PATH/bin/clang" --sysroot="$WASI_SDK_PATH/share/wasi-sysroot" -O2 \
    "$here/hello.c" -o "$work/sdk.wasm"
expect_out "wasi-sdk recipe module runs" "hello from sdk with 1 argument(s)" \
    "$p/bin/wasi-run" "$work/sdk.wasm" sdk
check "wasi-sdk recipe: clang++ --target=wasm32-wasip1-vfs" \
    "$WASI_SDK_PATH/bin/clang++" --target=wasm32-wasip1-vfs -O2 "$here/hello.cc" -o "$work/sdk-cc.wasm"
expect_out "wasi-sdk recipe C++ module runs" "hello from C++: x y" \
    "$p/bin/wasi-run" "$work/sdk-cc.wasm" y x
check "wasi-sdk recipe: llvm-ar, llvm-ranlib, llvm-nm" sh -c "
    '$WASI_SDK_PATH/bin/clang' --target=wasm32-wasi-vfs -c '$here/cmake-project/greet.c' -o '$work/g2.o' &&
    rm -f '$work/libg2.a' && '$WASI_SDK_PATH/bin/llvm-ar' rc '$work/libg2.a' '$work/g2.o' &&
    '$WASI_SDK_PATH/bin/llvm-ranlib' '$work/libg2.a' && '$WASI_SDK_PATH/bin/llvm-nm' '$work/libg2.a' | grep -q ' T greet'"
b="$work/cmake-wasi-sdk"
rm -rf "$b"
check "wasi-sdk.cmake configure" cmake -S "$here/cmake-project" -B "$b" \
    -DCMAKE_TOOLCHAIN_FILE="$WASI_SDK_PATH/share/cmake/wasi-sdk.cmake" -DWASI_TRIPLE=wasm32-wasip1-vfs
check "wasi-sdk.cmake build" cmake --build "$b"
check "wasi-sdk.cmake ctest" ctest --test-dir "$b" --output-on-failure
if grep -qF "set(CMAKE_CXX_COMPILER \"$p/bin/wasm32-wasip1-vfs-clang++\")" "$b"/CMakeFiles/*/CMakeCXXCompiler.cmake; then
    ok "wasi-sdk.cmake sets the C++ compiler"
else
    fail "wasi-sdk.cmake sets the C++ compiler" "$(grep -h 'CMAKE_CXX_COMPILER ' "$b"/CMakeFiles/*/CMakeCXXCompiler.cmake | head -n 2)"
fi
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
# files.c opens a file: built for wasm32-wasi and wasm32-wasi-vfs only.
for t in wasm32-wasi wasm32-wasi-vfs; do
    [ -f "$m/files.$t.wasm" ] && ok "add_wasi_executable builds files for $t" ||
        fail "add_wasi_executable builds files for $t" "no $m/files.$t.wasm"
done
[ ! -e "$m/files.wasm32-wasi-io.wasm" ] && ok "add_wasi_executable skips wasm32-wasi-io" ||
    fail "add_wasi_executable skips wasm32-wasi-io" "$m/files.wasm32-wasi-io.wasm built"
expect_fail "add_wasi_executable refuses a triple that cannot take it" 1 \
    "add_wasi_executable(files): wasm32-wasip1-io cannot take the program: no:" \
    cmake -S "$here/multi-project" -B "$work/multi-io" -DWASI_PREFIX="$p" \
    -DFILES_TRIPLES="wasm32-wasi-vfs;wasm32-wasip1-io"

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
