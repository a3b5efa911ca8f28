#!/bin/sh
# long-double.sh BUILD_DIR WORK_DIR
# printf/scanf with long double formats work with no -l flag (the drivers
# add wasi-libc's long-double archive to a link whose inputs use long
# double: targets/common/clang.in), whether the program is linked from
# sources or objects; a program without long double gets the very same
# module as clang itself makes, so it pays nothing.
set -u
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR WORK_DIR" >&2; exit 2; }
bin=$(CDPATH= cd -- "$1" && pwd)/bin || exit 2
support=$(CDPATH= cd -- "$(dirname -- "$0")/../support" && pwd) || exit 2
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
. "$support/checks.sh"
clang=$(sed -n 's/^clang=${WASI_CLANG:-\(.*\)}$/\1/p' "$bin/wasm32-wasi-clang")
[ -x "$clang" ] || { echo "long-double.sh: no clang named in $bin/wasm32-wasi-clang" >&2; exit 2; }

cat > const.c <<'C'
#include <stdio.h>
int main(void) { printf("%.3Lg|%10.2Lf|%Le\n", 2.5L, -1.25L, 1e300L * 1e300L); return 0; }
C
cat > computed.c <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    long double x = strtold(argc > 1 ? argv[1] : "0", NULL) / 3;
    long double y;
    printf("%.25Lf\n", x);
    if (sscanf("0.125", "%Lf", &y) == 1) printf("%Lg\n", y * 2);
    return 0;
}
C
cat > plain.c <<'C'
#include <stdio.h>
int main(int argc, char **argv) { printf("%f %s\n", argc * 1.5, argv[0]); return 0; }
C
for t in wasm32-wasi wasm32-wasi-vfs; do
    cc="$bin/$t-clang"
    if "$cc" -O2 const.c -o const.wasm 2>err &&
       [ "$("$bin/wasi-run" const.wasm 2>&1)" = "2.5|     -1.25|1.000000e+600" ]; then
        ok "$t: %Lf of constants, from source"
    else
        fail "$t: %Lf of constants, from source" "$(cat err; "$bin/wasi-run" const.wasm 2>&1 | head -3)"
    fi
    want="0.3333333333333333333333333
0.25"
    if "$cc" -O2 -c computed.c -o computed.o 2>err && "$cc" computed.o -o computed.wasm 2>>err &&
       [ "$("$bin/wasi-run" computed.wasm 1 2>&1)" = "$want" ]; then
        ok "$t: strtold, %Lf, sscanf %Lf, from an object"
    else
        fail "$t: strtold, %Lf, sscanf %Lf, from an object" "$(cat err; "$bin/wasi-run" computed.wasm 1 2>&1 | head -3)"
    fi
    "$cc" -Oz -Wl,--strip-all plain.c -o plain.wasm &&
        "$clang" --config-system-dir="$bin" --target=$t -Oz -Wl,--strip-all plain.c -o plain-clang.wasm
    if cmp -s plain.wasm plain-clang.wasm; then
        ok "$t: no long double, no cost ($(wc -c < plain.wasm) bytes)"
    else
        fail "$t: no long double, no cost" "$(wc -c plain.wasm plain-clang.wasm)"
    fi
done
finish
