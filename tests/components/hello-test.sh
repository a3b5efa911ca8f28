#!/bin/sh
# hello-test.sh BIN_DIR WORK: the component triples' drivers end to end.
# For wasm32-wasip2, wasm32-wasip2-vfs and wasm32-wasip2-io: hello.c
# links into a component (at -O0 and -Oz), executable as a linked module
# is, -c gives a core object, and the component run by wasi-run-component
# gets its arguments, environment and stdin, writes stdout and stderr,
# reads a clock and random bytes, and exits with success or failure; a
# program that only aborts (its module imports nothing) is a command that
# traps (134). The drivers refuse a preview1 target, and
# wasm32-wasip2-vfs-clang the --vfs- options of wasm32-wasi-vfs. Exit
# status 0 when every check passed.
[ $# -eq 2 ] || { echo "usage: hello-test.sh BIN_DIR WORK" >&2; exit 2; }
bin=$1 work=$2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
. "$here/../support/checks.sh"
mkdir -p "$work" || exit 1

magic() { od -An -tx1 -N8 "$1" | tr -d ' \n'; }
component=0061736d0d000100 core=0061736d01000000
expected="arg 1: 0
arg 2: two words
env: set
stdin: a line
random: yes"

for t in wasm32-wasip2 wasm32-wasip2-vfs wasm32-wasip2-io; do
    for o in -O0 -Oz; do
        m=$work/hello.$t$o.wasm
        if "$bin/$t-clang" $o "$here/hello.c" -o "$m" 2>"$work/err" &&
           [ "$(magic "$m")" = $component ]; then
            ok "$t $o: a component"
            if [ -x "$m" ]; then
                ok "$t $o: executable, as wasm-ld makes a module"
            else
                fail "$t $o: executable" "$(ls -l "$m")"
            fi
        else
            fail "$t $o: a component" "$(head -3 "$work/err") magic $(magic "$m" 2>/dev/null)"
            continue
        fi
        out=$(echo "a line" | COMPONENT_TEST=set "$bin/wasi-run-component" "$m" 0 "two words" 2>"$work/stderr")
        st=$?
        if [ $st -eq 0 ] && [ "$out" = "$expected" ] && grep -q "^to stderr$" "$work/stderr"; then
            ok "$t $o: runs (args, environ, stdin, stdout, stderr, clock, random)"
        else
            fail "$t $o: runs" "status $st, stdout: $out; stderr: $(head -3 "$work/stderr")"
        fi
        echo | "$bin/wasi-run-component" "$m" 3 >/dev/null 2>&1
        st=$?
        if [ $st -eq 1 ]; then
            ok "$t $o: exit(3) is failure (status 1: wasi:cli/exit carries no code)"
        else
            fail "$t $o: exit(3) is failure" "status $st"
        fi
    done
    # A program that imports nothing (abort() is a trap): still a command
    # component, which traps as native code gets SIGABRT
    if "$bin/$t-clang" -O2 "$here/abort.c" -o "$work/abort.$t.wasm" 2>"$work/err"; then
        "$bin/wasi-run-component" "$work/abort.$t.wasm" 2>"$work/stderr"
        st=$?
        if [ $st -eq 134 ] && grep -q "abort.$t.wasm: trap: " "$work/stderr"; then
            ok "$t: abort() is a trap (134), the module importing nothing"
        else
            fail "$t: abort() is a trap" "status $st: $(head -2 "$work/stderr")"
        fi
    else
        fail "$t: abort() links" "$(head -3 "$work/err")"
    fi
    # Recursion as deep as native code takes with 8 MiB of stack: the runner
    # gives jco's Node half of ulimit -s, as wasi-run gives its own
    if "$bin/$t-clang" -O2 "$here/../runner/deep.c" -o "$work/deep.$t.wasm" 2>"$work/err" &&
       out=$("$bin/wasi-run-component" "$work/deep.$t.wasm" 20000 2>&1) &&
       [ "$out" = "depth 20000" ]; then
        ok "$t: recursion 20,000 deep"
    else
        fail "$t: recursion 20,000 deep" "$(head -3 "$work/err") $(echo "$out" | head -2)"
    fi
    if "$bin/$t-clang" -Oz -c "$here/hello.c" -o "$work/hello.$t.o" &&
       [ "$(magic "$work/hello.$t.o")" = $core ]; then
        ok "$t -c: a core object"
    else
        fail "$t -c: a core object" "magic $(magic "$work/hello.$t.o" 2>/dev/null)"
    fi
    out=$("$bin/$t-clang" --target=wasm32-wasi -c "$here/hello.c" -o "$work/x.o" 2>&1)
    st=$?
    if [ $st -eq 1 ] && [ "$out" = "$t-clang: target 'wasm32-wasi' is not served by this sysroot (served: wasm32-wasip2, wasm32-wasip2-vfs, wasm32-wasip2-io)" ]; then
        ok "$t-clang refuses --target=wasm32-wasi"
    else
        fail "$t-clang refuses --target=wasm32-wasi" "status $st: $out"
    fi
done
out=$("$bin/wasm32-wasip2-vfs-clang" --vfs-image "$here/hello.c" -o "$work/x.wasm" 2>&1)
st=$?
if [ $st -eq 1 ] && [ "$out" = "wasm32-wasip2-vfs-clang: the --vfs- options are wasm32-wasi-vfs's; a wasm32-wasip2-vfs component takes none" ]; then
    ok "wasm32-wasip2-vfs-clang refuses --vfs-image"
else
    fail "wasm32-wasip2-vfs-clang refuses --vfs-image" "status $st: $out"
fi
finish
