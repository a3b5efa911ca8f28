# wasi-run-stack.sh: sourced by the launchers wasi-run and
# wasi-run-component (beside them); defines wasi_run_stack_size.
#
# V8's stack for JavaScript and WebAssembly frames (--stack-size, KiB): half
# of the process's stack limit (ulimit -s), at most 32 MiB, so that a deeply
# recursive program (a recursive-descent parser 20,000 levels deep) runs as
# it does natively with 8 MiB instead of trapping with "stack overflow" at
# V8's default of 984 KiB; the other half is left to Node's own C++ frames.
# Under a limit of 2 MiB, V8's default.
wasi_run_stack_size() {
    limit=$(ulimit -s 2>/dev/null) || return 0
    case $limit in
        unlimited) kib=32768 ;;
        '' | *[!0-9]*) return 0 ;;
        *) kib=$((limit / 2)) ;;
    esac
    [ "$kib" -gt 32768 ] && kib=32768
    [ "$kib" -ge 1024 ] && echo "--stack-size=$kib"
}
