#!/bin/sh
# run-tests.sh RUNNER CLANG SYSROOT WORKDIR
#
# Tests the wasi-run launcher RUNNER: compiles the C programs next to this
# script with `CLANG --target=wasm32-wasi --sysroot=SYSROOT` into WORKDIR
# (created if needed; files there are overwritten), then runs every check.
# Prints `ok NAME` or `FAIL NAME: reason` per check and ends with the line
# `N passed, M failed`. Exit status 0 only when M is 0; 2 on bad arguments.
#
# Needs: POSIX sh and utilities, node (for the O_NONBLOCK helper; $NODE if
# set, as the launcher does), and `timeout` if present (guards against hangs).

set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 RUNNER CLANG SYSROOT WORKDIR" >&2
    exit 2
fi

# Makes a path given relative to the starting directory absolute.
absolute() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        */*) printf '%s\n' "$PWD/$1" ;;
        *) printf '%s\n' "$1" ;;  # a bare name: looked up on PATH
    esac
}
RUNNER=$(absolute "$1")
CLANG=$(absolute "$2")
case $3 in /*) SYSROOT=$3 ;; *) SYSROOT=$PWD/$3 ;; esac
SRC=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$4" && cd "$4" || exit 2
WORK=$PWD
NODE_BIN=${NODE:-$(command -v node || command -v nodejs)}
TIMEOUT=
command -v timeout >/dev/null 2>&1 && TIMEOUT=timeout

# cat_wasm: the runner running cat.wasm, killed if it hangs for 5 minutes.
# nonblock_cat_wasm: the same with its stdin and stdout pipes set O_NONBLOCK,
# as another Node process sharing them does (see nonblock.js).
cat_wasm() { ${TIMEOUT:+"$TIMEOUT" 300} "$RUNNER" cat.wasm; }
nonblock_cat_wasm() { ${TIMEOUT:+"$TIMEOUT" 300} "$NODE_BIN" "$SRC/nonblock.js" "$RUNNER" cat.wasm; }

. "$SRC/../support/checks.sh"

# expect NAME STATUS STDOUT STDERR: checks $st and the files out and err of
# the command just run (compared as $(cat file), i.e. without trailing newlines).
expect() {
    if [ "$st" != "$2" ]; then
        fail "$1" "exit status $st, want $2 (stderr: $(head -c 300 err))"
    elif [ "$(cat out)" != "$3" ]; then
        fail "$1" "stdout '$(head -c 300 out)', want '$3'"
    elif [ "$(cat err)" != "$4" ]; then
        fail "$1" "stderr '$(head -c 300 err)', want '$4'"
    else
        ok "$1"
    fi
}

# run ARGS...: runs the runner with stdin from /dev/null; sets st, out, err.
run() {
    "$RUNNER" "$@" </dev/null >out 2>err
    st=$?
}

# same_file NAME WANT GOT: checks that the two files have the same bytes.
same_file() {
    if [ ! -s "$3" ] && [ -s "$2" ]; then
        fail "$1" "output $3 is empty or missing"
    elif cmp -s "$2" "$3"; then
        ok "$1"
    else
        fail "$1" "$(cmp "$2" "$3" 2>&1 | head -1)"
    fi
}

# --- build the test modules -------------------------------------------------
for prog in cat args stderr trap reactor badimport typed badtyped deep; do
    flags=
    case $prog in
        reactor) flags=-mexec-model=reactor ;;
        badimport) flags=-Wl,--allow-undefined ;;
    esac
    if "$CLANG" --target=wasm32-wasi --sysroot="$SYSROOT" -O2 $flags \
        "$SRC/$prog.c" -o "$prog.wasm" 2>"compile-$prog.log"; then
        ok "compile-$prog"
    else
        fail "compile-$prog" "$(head -3 "compile-$prog.log")"
    fi
done

nl='
'

# --- arguments and environment ------------------------------------------------
run args.wasm a 'b c' ''
expect args 0 "argc=4${nl}argv[0]=args.wasm${nl}argv[1]=a${nl}argv[2]=b c${nl}argv[3]=" ''

run "$WORK/args.wasm" -x --env
expect args-as-given 0 "argc=3${nl}argv[0]=$WORK/args.wasm${nl}argv[1]=-x${nl}argv[2]=--env" ''

# --jit picks how V8 compiles the module; the program runs the same
run --jit tiered args.wasm a
expect jit-tiered 0 "argc=2${nl}argv[0]=args.wasm${nl}argv[1]=a" ''
run --jit=optimized args.wasm a
expect jit-optimized 0 "argc=2${nl}argv[0]=args.wasm${nl}argv[1]=a" ''

# Recursion as deep as native code takes with an 8 MiB stack: the launcher
# gives V8 half of ulimit -s; under a 2 MiB limit it keeps V8's default
run deep.wasm 20000
expect deep-recursion 0 "depth 20000" ''
(ulimit -s 1500 && exec "$RUNNER" deep.wasm 100) </dev/null >out 2>err
st=$?
expect deep-recursion-small-stack-limit 0 "depth 100" ''

run -- args.wasm
expect args-double-dash 0 "argc=1${nl}argv[0]=args.wasm" ''

WASI_RUN_TEST=host run args.wasm
expect env-empty-by-default 0 "argc=1${nl}argv[0]=args.wasm" ''

run --env A=1 --env 'B=x y=z' --env=C= args.wasm
expect env-set 0 "argc=1${nl}argv[0]=args.wasm${nl}env A=1${nl}env B=x y=z${nl}env C=" ''

WASI_RUN_TEST=host run --env WASI_RUN_TEST --env WASI_RUN_UNSET_XYZ args.wasm
expect env-copy-one 0 "argc=1${nl}argv[0]=args.wasm${nl}env WASI_RUN_TEST=host" ''

WASI_RUN_TEST=host WASI_RUN_TEST2=keep run --inherit-env --env WASI_RUN_TEST=over args.wasm
if [ "$st" = 0 ] && grep -qx 'env WASI_RUN_TEST=over' out && grep -qx 'env WASI_RUN_TEST2=keep' out &&
    grep -q '^env PATH=' out; then
    ok inherit-env
else
    fail inherit-env "status $st, env lines: $(grep -c '^env ' out)"
fi

# --- exit codes -------------------------------------------------------------
run args.wasm
expect exit-0 0 "argc=1${nl}argv[0]=args.wasm" ''
run --env EXIT=3 args.wasm
expect exit-3-return 3 "argc=1${nl}argv[0]=args.wasm${nl}env EXIT=3" ''
run --env EXIT=42 --env EXIT_VIA=exit args.wasm
expect exit-42-exit 42 "argc=1${nl}argv[0]=args.wasm${nl}env EXIT=42${nl}env EXIT_VIA=exit" ''
run --env EXIT=300 args.wasm
expect exit-truncated-to-8-bits 44 "argc=1${nl}argv[0]=args.wasm${nl}env EXIT=300" ''

# --- stdio ------------------------------------------------------------------
printf 'hello\nworld\n\0binary\377\n' >small.in
"$RUNNER" cat.wasm <small.in >small.out 2>err
st=$?
if [ "$st" = 0 ] && [ ! -s err ]; then same_file stdin-to-stdout small.in small.out; else
    fail stdin-to-stdout "status $st, stderr $(head -c 300 err)"; fi

run stderr.wasm
expect stdout-and-stderr 0 'to stdout' 'to stderr'

"$RUNNER" cat.wasm </dev/null >out 2>err
st=$?
expect empty-stdin 0 '' ''

# --- traps ------------------------------------------------------------------
run trap.wasm
cp err err.full && head -1 err.full >err
expect trap 134 'before trap' 'wasi-run: trap.wasm: trap: unreachable'
# then the backtrace, one line per frame (tests/runner/traps-test.sh: names)
if grep -Eq '^wasi-run:   at .* \(wasm-function\[[0-9]+\]:0x[0-9a-f]+\)$' err.full; then
    ok trap-backtrace
else
    fail trap-backtrace "no frame lines: $(head -c 300 err.full)"
fi

# --- preopened directories ---------------------------------------------------
rm -rf host && mkdir host && printf 'file contents\n' >host/in.txt
run --dir host::/data cat.wasm /data/in.txt
expect dir-read 0 'file contents' ''

run --dir host::/data cat.wasm -o /data/out.txt /data/in.txt
st_write=$st
if [ "$st_write" = 0 ] && [ -f host/out.txt ]; then same_file dir-write host/in.txt host/out.txt; else
    fail dir-write "status $st_write, stderr $(head -c 300 err)"; fi

run --dir "$WORK/host" cat.wasm "$WORK/host/in.txt"
expect dir-same-path 0 'file contents' ''

run cat.wasm /data/in.txt
if [ "$st" = 1 ] && [ ! -s out ] && grep -q '^/data/in.txt: ' err; then ok dir-none-no-access; else
    fail dir-none-no-access "status $st, stderr $(head -c 300 err)"; fi

# --- modules that cannot run -------------------------------------------------
run nothere.wasm
expect missing-module 127 '' 'wasi-run: nothere.wasm: not found'

run host
expect directory-module 126 '' 'wasi-run: host: cannot read: is a directory'

printf 'not wasm\n' >bad.wasm
run bad.wasm
if [ "$st" = 126 ] && grep -q '^wasi-run: bad.wasm: not a valid WebAssembly module' err; then
    ok malformed-module; else fail malformed-module "status $st, stderr $(head -c 300 err)"; fi

run reactor.wasm
expect reactor 126 '' 'wasi-run: reactor.wasm: is a reactor (exports _initialize, no _start); nothing to run'

run badimport.wasm
expect unsupported-import 126 '' 'wasi-run: badimport.wasm: unsupported import env.foo'

# --- typed entry point: the runner opens the files ----------------------------
printf 'first\n' >in1.txt
printf 'second\n' >in2.txt
rm -f typed.out
run typed.wasm in1.txt in2.txt -o typed.out -- x 'y z'
expect typed-run 0 'args: x y z' ''
same_file typed-output-written "$(printf 'first\nsecond\n' >typed.want; echo typed.want)" typed.out

rm -f typed.out
run typed.wasm -o typed.out in1.txt in2.txt
expect typed-output-option-first 0 'args:' ''
same_file typed-output-option-first-file typed.want typed.out

rm -f typed.out
run typed.wasm in1.txt in2.txt -otyped.out
expect typed-output-attached 0 'args:' ''

printf 'old contents\n' >typed.out
run typed.wasm in1.txt in2.txt -o typed.out -- fail 3
expect typed-failure-keeps-old-output 3 'args: fail 3' 'wasi-run: typed.out: not written: typed.wasm exited with status 3'
if [ "$(cat typed.out)" = 'old contents' ] && [ -z "$(ls -a | grep '^\.typed\.out\.')" ]; then
    ok typed-failure-no-temporary; else fail typed-failure-no-temporary "$(cat typed.out; ls -a)"; fi

cp in1.txt same.txt
run typed.wasm same.txt in2.txt -o same.txt
expect typed-output-is-input 0 'args:' ''
same_file typed-output-is-input-file typed.want same.txt

"$RUNNER" typed.wasm - in2.txt -o - <in1.txt >out 2>err
st=$?
expect typed-stdin-stdout 0 "args:${nl}first${nl}second" ''

run typed.wasm in1.txt in2.txt -o /dev/null
expect typed-output-device 0 'args:' ''

run typed.wasm in1.txt in2.txt -o typed.out -- poll
expect typed-poll 0 "args: poll${nl}poll 3" ''

run typed.wasm in1.txt in2.txt -o typed.out -- seek
expect typed-not-seekable 0 "args: seek${nl}lseek -1 ESPIPE" ''

usage_line='wasi-run: usage: wasi-run typed.wasm TEXT TEXT -o TEXT [-- ARGS...]'
run typed.wasm in1.txt -o typed.out
expect typed-missing-input 2 '' "wasi-run: typed.wasm: missing input 2 (text): the module takes 2 inputs and 1 output${nl}$usage_line"
run typed.wasm in1.txt in2.txt in1.txt -o typed.out
expect typed-extra-input 2 '' "wasi-run: typed.wasm: extra input in1.txt: the module takes 2 inputs and 1 output${nl}$usage_line"
run typed.wasm in1.txt in2.txt
expect typed-missing-output 2 '' "wasi-run: typed.wasm: missing -o for output 1 (text): the module takes 2 inputs and 1 output${nl}$usage_line"
run typed.wasm in1.txt in2.txt -o a.out -o b.out
expect typed-extra-output 2 '' "wasi-run: typed.wasm: extra output b.out: the module takes 2 inputs and 1 output${nl}$usage_line"
run typed.wasm in1.txt in2.txt -o
expect typed-o-without-value 2 '' "wasi-run: typed.wasm: option -o needs a value${nl}$usage_line"
run typed.wasm -x in1.txt in2.txt -o a.out
expect typed-unknown-option 2 '' "wasi-run: typed.wasm: unknown option -x (the module's own arguments go after --)${nl}$usage_line"
run --dir host typed.wasm in1.txt in2.txt -o a.out
expect typed-no-directories 2 '' "wasi-run: typed.wasm: takes streams (typed entry point), not directories: drop --dir${nl}$usage_line"
run typed.wasm nothere.txt in2.txt -o typed.out
expect typed-unreadable-input 66 '' 'wasi-run: nothere.txt: cannot open input: no such file or directory'
run typed.wasm host in2.txt -o typed.out
expect typed-input-directory 66 '' 'wasi-run: host: cannot open input: is a directory'
run typed.wasm in1.txt in2.txt -o "$WORK/no-such-dir/x.out"
expect typed-unwritable-output 73 '' "wasi-run: $WORK/no-such-dir/x.out: cannot create output: no such file or directory"
run typed.wasm in1.txt in2.txt -o host
expect typed-output-directory 73 '' 'wasi-run: host: cannot create output: is a directory'
run badtyped.wasm
expect typed-malformed-section 126 '' "wasi-run: badtyped.wasm: malformed wasi-io-main section: unknown version '2'"

# --- bad options ------------------------------------------------------------
# check_usage NAME FIRST-LINE: status 2, stderr = FIRST-LINE then the usage.
check_usage() {
    if [ "$st" = 2 ] && [ "$(head -1 err)" = "$2" ] && sed -n 2p err | grep -q '^usage: wasi-run '; then
        ok "$1"; else fail "$1" "status $st, stderr $(head -c 300 err)"; fi
}
run --bogus args.wasm
check_usage bad-option 'wasi-run: unknown option --bogus'
run --dir
check_usage option-without-value 'wasi-run: option --dir needs a value'
run
check_usage no-module 'wasi-run: no module given'
run --dir "$WORK/no-such-dir" args.wasm
check_usage dir-not-a-directory "wasi-run: --dir $WORK/no-such-dir: $WORK/no-such-dir is not a directory"
run --env =x args.wasm
check_usage env-empty-name 'wasi-run: --env =x: empty name'
run --jit fast args.wasm
check_usage jit-unknown-mode 'wasi-run: --jit fast: expected optimized or tiered'
run --help
if [ "$st" = 0 ] && head -1 out | grep -q '^usage: wasi-run ' && [ ! -s err ]; then ok help; else
    fail help "status $st"; fi

# --- pipelines ---------------------------------------------------------------
head -c 30000000 /dev/urandom >big.in

rm -f big.out
cat_wasm <big.in | cat_wasm | cat_wasm >big.out
same_file pipeline-3-modules-30MB big.in big.out

yes | head -c 50000000 | cksum >yes.sum
yes | head -c 50000000 | cat_wasm | cat_wasm |
    cat_wasm | cksum >yes.out
same_file pipeline-yes-50MB yes.sum yes.out

rm -f big.out
cat_wasm <big.in | (sleep 2; cat) >big.out
same_file slow-reader big.in big.out

rm -f big.out
(sleep 1; cat big.in) | cat_wasm >big.out
same_file slow-writer big.in big.out

# The same with the pipes set O_NONBLOCK, as another Node process does.
rm -f big.out
# shellcheck disable=SC2002  # stdin must be a pipe, not the file
cat big.in | nonblock_cat_wasm | (sleep 2; cat) >big.out
same_file nonblocking-stdout-slow-reader big.in big.out

rm -f big.out
(sleep 1; cat big.in) | nonblock_cat_wasm >big.out
same_file nonblocking-stdin-slow-writer big.in big.out

(sleep 1; yes | head -c 50000000) | nonblock_cat_wasm |
    nonblock_cat_wasm | nonblock_cat_wasm |
    (sleep 2; cksum) >yes.out
same_file nonblocking-pipeline-50MB yes.sum yes.out

# A reader that goes away ends the writer like SIGPIPE: status 141, no message.
{ cat_wasm </dev/zero 2>err; echo $? >epipe.st; } | head -c 1000000 >/dev/null
st=$(cat epipe.st)
if [ "$st" = 141 ] && [ ! -s err ]; then ok reader-gone-sigpipe; else
    fail reader-gone-sigpipe "status $st, stderr $(head -c 300 err)"; fi

# --- --in and --out: files through streams (wasm32-wasi-vfs) -------------------
# clang itself (no driver), no option: every wasm32-wasi-vfs module takes files
if "$CLANG" --target=wasm32-wasi-vfs --sysroot="$SYSROOT" -O2 "$SRC/vfscopy.c" \
    -o vfscopy.wasm 2>compile-vfscopy.log; then
    ok compile-vfscopy
else
    fail compile-vfscopy "$(head -3 compile-vfscopy.log)"
fi
rm -rf vin vout && mkdir -p vin/sub && printf 'one\n' >vin/sub/a.txt
run --in vin:/d --out /d:vout vfscopy.wasm /d/sub/a.txt /d/sub/b.txt
expect in-out-round-trip 0 '' ''
same_file in-out-new-file vin/sub/a.txt vout/sub/b.txt
if [ ! -e vout/sub/a.txt ]; then ok in-out-only-changes; else
    fail in-out-only-changes "the unchanged input came back too"; fi
run --in vin:/d --out /d:vout2 vfscopy.wasm /d/sub/a.txt /d/c.txt 3
expect out-not-written-on-failure 3 '' "wasi-run: vout2: not written: vfscopy.wasm exited with status 3"
run --in no-such-dir:/d vfscopy.wasm /d/a /d/b
expect in-missing-host 66 '' "wasi-run: --in no-such-dir: cannot read it: no such file or directory"
run --in vin:/d args.wasm
check_usage in-needs-vfs-module "wasi-run: args.wasm: takes no files through streams: --in and --out need a wasm32-wasi-vfs module linked without --vfs-no-transfer"
run --in vin args.wasm
check_usage in-needs-colon "wasi-run: --in vin: expected HOST_DIR:GUEST_DIR"
run --out rel:vout vfscopy.wasm
check_usage out-guest-absolute "wasi-run: --out rel:vout: the guest directory must be absolute"

# --- launcher -------------------------------------------------------------------
rm -rf bin copy && mkdir bin copy
ln -s "$RUNNER" bin/link1 && ln -s link1 bin/link2
run_launcher() { "$@" args.wasm x </dev/null >out 2>err; st=$?; }
run_launcher bin/link2
expect launcher-via-symlinks 0 "argc=2${nl}argv[0]=args.wasm${nl}argv[1]=x" ''
cp -R "$RUNNER" "$(dirname "$RUNNER")"/wasi-run*.mjs "$(dirname "$RUNNER")"/js copy/
run_launcher copy/wasi-run
expect launcher-copied 0 "argc=2${nl}argv[0]=args.wasm${nl}argv[1]=x" ''

# fake_node VERSION: a stand-in for node that prints its arguments.
fake_node() {
    # shellcheck disable=SC2016  # $1 and $@ belong to the generated script
    printf '#!/bin/sh\n[ "$1" = --version ] && { echo %s; exit 0; }\nprintf "%%s\\n" "$@"\n' "$1" >fake-node
    chmod +x fake-node
}
flag=--experimental-wasi-unstable-preview1
for v in v18.19.0 v16.20.2 v20.0.0 v22.11.0; do
    fake_node "$v"
    (ulimit -s 8192 && NODE=$WORK/fake-node exec "$RUNNER" m.wasm a) >out 2>err
    st=$?
    want="--no-warnings$nl--stack-size=4096" # half of ulimit -s
    case $v in v1[0-9].*) want="$want$nl$flag" ;; esac
    if [ "$st" = 0 ] && [ "$(head -n "$(echo "$want" | wc -l)" out)" = "$want" ] &&
        [ "$(tail -2 out)" = "m.wasm${nl}a" ] && sed -n '$!p' out | grep -q '/wasi-run\.mjs$'; then
        ok "node-flags-$v"
    else
        fail "node-flags-$v" "status $st, node got: $(tr '\n' ' ' <out)"
    fi
done

NODE=$WORK/no-such-node "$RUNNER" args.wasm </dev/null >out 2>err
st=$?
expect launcher-bad-node 127 '' "wasi-run: cannot run node at $WORK/no-such-node"

finish
