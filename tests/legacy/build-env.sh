# build-env.sh: sourced by the build scripts of the legacy programs, after
# they set TRIPLE, BIN and LOG:
#   TRIPLE  native, or a WebAssembly triple (wasm32-wasi, wasm32-wasi-vfs)
#   BIN     the toolchain's bin/ (BIN/<triple>-clang, -ar, -ranlib)
#   LOG     the build log (created empty here)
# Sets CC, AR, RANLIB: cc, ar, ranlib natively, else the triple's tools:
# the only thing that differs between the native build and the
# WebAssembly ones. A program keeps the name its build gives it, module
# or not (its messages print that name). Defines
#   step CMD...  runs CMD with its output appended to LOG; when it fails,
#                prints the command and the last 40 lines of LOG on stderr
#                and exits 1.
#   cmake_configure SRC BLD ARGS...
#                configures the CMake project SRC in BLD (a step) for
#                TRIPLE: natively as it comes, for WebAssembly with the
#                triple's toolchain file, BIN/../share/cmake/<triple>.cmake,
#                the only difference.
case $TRIPLE in
    native) CC=cc AR=ar RANLIB=ranlib ;;
    wasm32-*)
        CC=$BIN/$TRIPLE-clang AR=$BIN/$TRIPLE-ar RANLIB=$BIN/$TRIPLE-ranlib
        [ -x "$CC" ] || { echo "build: no compiler $CC (unknown triple $TRIPLE?)" >&2; exit 2; } ;;
    *) echo "build: unknown triple $TRIPLE (native, wasm32-wasi, wasm32-wasi-vfs)" >&2; exit 2 ;;
esac
: >"$LOG" || exit 1
# The program's make runs as from a shell, not as a part of the make that
# runs this script (no jobserver, no flags of its own).
unset MAKEFLAGS MFLAGS MAKELEVEL
step() {
    echo "+ $*" >>"$LOG"
    if ! "$@" >>"$LOG" 2>&1; then
        echo "build ($TRIPLE): failed: $*" >&2
        tail -n 40 "$LOG" >&2
        exit 1
    fi
}
cmake_configure() {
    c_src=$1 c_bld=$2
    shift 2
    case $TRIPLE in
        native) step cmake -S "$c_src" -B "$c_bld" "$@" ;;
        *) step cmake -S "$c_src" -B "$c_bld" \
                -DCMAKE_TOOLCHAIN_FILE="$BIN/../share/cmake/$TRIPLE.cmake" "$@" ;;
    esac
}
