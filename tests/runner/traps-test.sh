#!/bin/sh
# traps-test.sh BIN_DIR SOURCE_DIR WORK
#
# What wasi-run says when a module traps, on modules built as users build
# them: traps.c by each triple's driver at -O2 and -Oz (clang runs wasm-opt
# when it is on PATH; the drivers keep the name section through it). Each
# trap prints "wasi-run: MODULE: trap: WHAT" and a backtrace whose first
# frame names the function that trapped; a stack exhaustion, in linear
# memory or in the engine, says "stack overflow". wasi-triple reads such a
# module (its function names) and judges it.
set -u
[ $# -eq 3 ] || { echo "usage: traps-test.sh BIN_DIR SOURCE_DIR WORK" >&2; exit 2; }
BIN=$1 SRC=$2 W=$3
. "$SRC/tests/support/checks.sh"
mkdir -p "$W" && cd "$W" || exit 1
command -v wasm-opt >/dev/null 2>&1 ||
    { fail wasm-opt "binaryen's wasm-opt is not on PATH: clang would not optimize"; finish; exit 1; }

# trap NAME MODULE ACTION WHAT FUNCTION
trap_is() {
    "$BIN/wasi-run" "$2" "$3" >out 2>err
    st=$?
    first=$(sed -n 1p err) frame=$(sed -n 2p err)
    if [ $st != 134 ]; then fail "$1" "exit status $st, want 134: $(head -c 300 err)"
    elif [ "$first" != "wasi-run: $2: trap: $4" ]; then fail "$1" "first line '$first'"
    else case $frame in
        "wasi-run:   at $5 (wasm-function["*"]:0x"*")") ok "$1" ;;
        *) fail "$1" "first frame '$frame', want $5" ;;
    esac; fi
}

for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    for o in O2 Oz; do
        m=$t-$o.wasm
        if ! "$BIN/$t-clang" -$o "$SRC/tests/runner/traps.c" -o "$m" 2>cc.log; then
            fail "compile $m" "$(head -3 cc.log)"
            continue
        fi
        trap_is "$m oob" "$m" oob 'memory access out of bounds' read_far
        trap_is "$m abort" "$m" abort unreachable give_up
        trap_is "$m stack pointer below memory" "$m" deep 'stack overflow' descend
        trap_is "$m engine stack exhausted" "$m" engine 'stack overflow' spin
    done
done
# the backtrace goes on to the caller and stops after 40 frames
"$BIN/wasi-run" wasm32-wasi-vfs-Oz.wasm deep 2>err
[ "$(grep -c '^wasi-run:   at descend ' err)" = 40 ] &&
    grep -Eq '^wasi-run:   \.\.\. [0-9]+ more frames$' err &&
    ok "deep backtrace: 40 frames, then a count" ||
    fail "deep backtrace: 40 frames, then a count" "$(tail -2 err)"
"$BIN/wasi-run" wasm32-wasi-vfs-Oz.wasm oob 2>err
grep -q '^wasi-run:   at _start' err && ok "oob backtrace reaches _start" ||
    fail "oob backtrace reaches _start" "$(cat err)"

# wasi-triple on the optimized modules: the calls are told from the names,
# also when wasm-opt inlined them (fopen into main).
cat >files.c <<'EOC'
#include <stdio.h>
int main(void) { FILE *f = fopen("/tmp/x", "w"); if (!f) return 1; fputs("x", f); return fclose(f) != 0 || remove("/tmp/x") != 0; }
EOC
for t in wasm32-wasi wasm32-wasi-vfs; do
    "$BIN/$t-clang" -O2 files.c -o files-$t.wasm 2>cc.log || fail "compile files-$t" "$(cat cc.log)"
    "$BIN/wasi-triple" --brief files-$t.wasm >triple.out 2>&1
    if grep -qx 'wasm32-wasi-vfs yes' triple.out && grep -qx 'wasm32-wasi yes' triple.out &&
        grep -q '^wasm32-wasi-io no: ' triple.out; then
        ok "wasi-triple reads files-$t.wasm (-O2)"
    else
        fail "wasi-triple reads files-$t.wasm (-O2)" "$(cat triple.out)"
    fi
done
"$BIN/wasi-triple" --brief wasm32-wasi-vfs-O2.wasm >triple.out 2>&1
[ "$(cat triple.out)" = "wasm32-wasi-vfs yes
wasm32-wasi yes
wasm32-wasi-io yes" ] && ok "wasi-triple: traps.c needs no files" || fail "wasi-triple: traps.c needs no files" "$(cat triple.out)"
finish
