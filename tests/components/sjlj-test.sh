#!/bin/sh
# sjlj-test.sh BIN_DIR WORK NATIVE: setjmp/longjmp in components (sjlj.c,
# its native build NATIVE), whose exception-handling lowering jco's
# transpiler refuses and wasi-run-component runs through a stand-in
# (targets/wasip2/component-transpile.mjs). On wasm32-wasip2-vfs (whose
# driver lowers setjmp) and wasm32-wasip2 (with -mllvm -wasm-enable-sjlj
# -lsetjmp, as Debian 13's wasi-libc asks), at -O0 and -O2: the output is
# native's, exit 0, and failure (exit 3) is status 1; on wasm32-wasip2-vfs
# with --in/--out the file it writes comes back equal to native's output;
# wasi-transpile writes the files a Node program imports and runs; and
# the errors are one line with their status: a trap 134, a core module,
# a cut component and a missing one 126, 66, 2 (no JavaScript stack trace).
[ $# -eq 3 ] || { echo "usage: sjlj-test.sh BIN_DIR WORK NATIVE" >&2; exit 2; }
bin=$(CDPATH= cd -- "$1" && pwd) || exit 2
work=$2 native=$3
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
rm -rf "$work" && mkdir -p "$work" || exit 1
"$native" >"$work/native.out" || { echo "FAIL native run"; exit 1; }

for t in wasm32-wasip2-vfs wasm32-wasip2; do
    flags= libs=
    [ $t = wasm32-wasip2 ] && flags="-mllvm -wasm-enable-sjlj" libs=-lsetjmp
    for o in -O0 -O2; do
        m=$work/sjlj.$t$o.wasm
        # shellcheck disable=SC2086 # flags, libs: words
        if ! "$bin/$t-clang" $o $flags "$here/sjlj.c" $libs -o "$m" 2>"$work/err"; then
            fail "$t $o: builds" "$(head -3 "$work/err")"
            continue
        fi
        "$bin/wasi-run-component" "$m" >"$work/out" 2>"$work/err"
        st=$?
        if [ $st -eq 0 ] && cmp -s "$work/native.out" "$work/out" && [ ! -s "$work/err" ]; then
            ok "$t $o: runs as native does"
        else
            fail "$t $o: runs" "status $st; $(diff "$work/native.out" "$work/out" | head -5); $(head -3 "$work/err")"
        fi
        "$bin/wasi-run-component" "$m" fail >"$work/out" 2>&1
        st=$?
        if [ $st -eq 1 ] && cmp -s "$work/native.out" "$work/out"; then
            ok "$t $o: exit(3) after the jumps is failure (status 1)"
        else
            fail "$t $o: exit(3)" "status $st; $(head -3 "$work/out")"
        fi
    done
done

# --in/--out: the report written to a file in the component comes back
# (written before the program's first output, which then goes to stderr).
m=$work/sjlj.wasm32-wasip2-vfs-O2.wasm
mkdir -p "$work/host" && echo seed >"$work/host/seed"
"$bin/wasi-run-component" --in "$work/host:/data" --out "/data:$work/host" "$m" file /data/report \
    >"$work/out" 2>"$work/err"
st=$?
if [ $st -eq 0 ] && cmp -s "$work/native.out" "$work/host/report"; then
    ok "wasm32-wasip2-vfs: --in/--out, the file written after the jumps"
else
    fail "wasm32-wasip2-vfs: --in/--out" "status $st; $(head -3 "$work/err")"
fi

# wasi-transpile: the files jco transpile would write, with the original
# core module; a Node program imports them and runs the command.
if "$bin/wasi-transpile" --no-typescript "$m" -o "$work/js" 2>"$work/err" &&
   [ -f "$work/js/sjlj.wasm32-wasip2-vfs-O2.js" ]; then
    ok "wasi-transpile writes the files"
else
    fail "wasi-transpile" "$(head -3 "$work/err")"
fi
shim=$(dirname -- "$bin")/js-deps/node_modules/@bytecodealliance/preview2-shim
mkdir -p "$work/js/node_modules/@bytecodealliance" &&
    ln -sfn "$shim" "$work/js/node_modules/@bytecodealliance/preview2-shim" &&
    echo '{ "type": "module" }' >"$work/js/package.json"
if (cd "$work/js" && node -e "import('./sjlj.wasm32-wasip2-vfs-O2.js').then((m) => m.run.run())") \
        >"$work/out" 2>"$work/err" && cmp -s "$work/native.out" "$work/out"; then
    ok "wasi-transpile's files run in Node"
else
    fail "wasi-transpile's files run" "$(head -3 "$work/out") $(head -3 "$work/err")"
fi

# Errors: one line each (no "    at " frame), and the documented status.
printf '#include <stdio.h>\n#include <stdlib.h>\nint main(void) { puts("abort"); abort(); }\n' \
    >"$work/trap.c"
"$bin/wasm32-wasip2-vfs-clang" -O2 "$work/trap.c" -o "$work/trap.wasm" 2>/dev/null
head -c 200 "$m" >"$work/cut.wasm"
"$bin/wasm32-wasi-clang" -O2 "$here/sjlj.c" -o "$work/core.wasm" 2>/dev/null
one_error() { # NAME STATUS PATTERN COMMAND...
    e_name=$1 e_status=$2 e_pattern=$3
    shift 3
    "$@" >/dev/null 2>"$work/err" </dev/null
    st=$?
    if [ $st -eq "$e_status" ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "$e_pattern" "$work/err"; then
        ok "$e_name: status $e_status, one line"
    else
        fail "$e_name" "status $st (want $e_status): $(head -4 "$work/err")"
    fi
}
one_error "a trap" 134 "^wasi-run-component: trap.wasm: trap: " "$bin/wasi-run-component" "$work/trap.wasm"
one_error "a core module" 126 "cannot run it: not a WebAssembly component" \
    "$bin/wasi-run-component" "$work/core.wasm"
one_error "a cut component" 126 "cannot run it: truncated at byte" "$bin/wasi-run-component" "$work/cut.wasm"
one_error "no component" 2 "no such file" "$bin/wasi-run-component" "$work/none.wasm"
one_error "wasi-transpile: a core module" 1 "^wasi-transpile: .*not a WebAssembly component" \
    "$bin/wasi-transpile" "$work/core.wasm" -o "$work/x"
# a component whose core module exports a tag: no stand-in can take its place
printf '\0asm\r\0\1\0\1\32\0asm\1\0\0\0\1\4\1\140\0\0\r\3\1\0\0\7\5\1\1t\4\0' >"$work/tag.wasm"
one_error "wasi-transpile: a module that exports a tag" 1 "core module 0 exports tag t: no stand-in" \
    "$bin/wasi-transpile" "$work/tag.wasm" -o "$work/x"
# a code section that claims 2^32-1 bodies in 5 bytes: refused as cut short
printf '\0asm\r\0\1\0\1\32\0asm\1\0\0\0\1\4\1\140\0\0\r\3\1\0\0\n\5\377\377\377\377\17' >"$work/count.wasm"
one_error "wasi-transpile: a code section's count past its end" 1 "core module 0: truncated at byte 26" \
    "$bin/wasi-transpile" "$work/count.wasm" -o "$work/x"
one_error "wasi-transpile: no component" 66 "cannot read it" "$bin/wasi-transpile" "$work/none.wasm" -o "$work/x"
finish
