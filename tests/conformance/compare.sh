#!/bin/sh
# compare.sh NATIVE_BIN WASM_MODULE RUNNER [RUNNER_ARGS...]
#
# Runs one conformance program twice, each in a fresh empty temporary
# directory: the native build as NATIVE_BIN, and the WebAssembly build as
# "RUNNER RUNNER_ARGS... WASM_MODULE".  A runner argument may contain the
# token @DIR@, replaced by the WebAssembly run's temporary directory (for a
# host preopen: --dir @DIR@::/).  Standard output and exit status must be
# identical.  Prints "PASS name", or the diff and "FAIL name".
# NATIVE_BIN, WASM_MODULE and RUNNER (when it contains a /) may be relative
# to the caller's directory; RUNNER_ARGS are passed as given, so give paths
# in them absolute (each run's current directory is its temporary one).
# Exit status: 0 pass, 1 fail, 2 usage error.
#
# Environment: CONF_TIMEOUT  seconds allowed for each run (default 300)
#              CONF_KEEP=1   keep the temporary directories and outputs
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 NATIVE_BIN WASM_MODULE RUNNER [RUNNER_ARGS...]" >&2
    exit 2
fi

abs() {
    case $1 in
    /*) printf '%s\n' "$1" ;;
    */*) printf '%s/%s\n' "$(pwd)" "$1" ;;
    *) printf '%s\n' "$1" ;;     # a command looked up in PATH
    esac
}

native=$(abs "$1")
module=$(abs "$2")
runner=$(abs "$3")
shift 3
name=$(basename "$native")
name=${name%.exe}
timeout_s=${CONF_TIMEOUT:-300}

work=$(mktemp -d "${TMPDIR:-/tmp}/conf-compare.XXXXXX") || exit 2
ndir=$work/native
wdir=$work/wasm
mkdir "$ndir" "$wdir" || exit 2
if [ "${CONF_KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$work"' EXIT
    trap 'exit 1' HUP INT TERM
fi

# The runner arguments with @DIR@ replaced, kept as "$@".
n=$#
while [ "$n" -gt 0 ]; do
    a=$1
    shift
    case $a in
    *@DIR@*)
        pre=${a%%@DIR@*}
        post=${a#*@DIR@}
        a=$pre$wdir$post
        ;;
    esac
    set -- "$@" "$a"
    n=$((n - 1))
done

if command -v timeout >/dev/null 2>&1; then
    limit="timeout $timeout_s"
else
    limit=
fi

(cd "$ndir" && exec $limit "$native") >"$work/native.out" 2>"$work/native.err" </dev/null
nrc=$?
(cd "$wdir" && exec $limit "$runner" "$@" "$module") >"$work/wasm.out" 2>"$work/wasm.err" </dev/null
wrc=$?

fail=0
if ! diff -u --label "native/$name" --label "wasm/$name" \
        "$work/native.out" "$work/wasm.out" >"$work/diff"; then
    cat "$work/diff"
    fail=1
fi
if [ "$nrc" != "$wrc" ]; then
    echo "exit status: native $nrc, wasm $wrc"
    fail=1
fi
if [ "$fail" = 1 ]; then
    if [ -s "$work/wasm.err" ]; then
        echo "--- wasm stderr (last 20 lines)"
        tail -n 20 "$work/wasm.err"
    fi
    if [ -s "$work/native.err" ]; then
        echo "--- native stderr (last 20 lines)"
        tail -n 20 "$work/native.err"
    fi
    [ "${CONF_KEEP:-0}" = 1 ] && echo "kept: $work"
    echo "FAIL $name"
    exit 1
fi
[ "${CONF_KEEP:-0}" = 1 ] && echo "kept: $work"
echo "PASS $name"
exit 0
