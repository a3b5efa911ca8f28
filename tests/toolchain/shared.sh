#!/bin/sh
# shared.sh BUILD_DIR WORK_DIR
# A link with -shared, as legacy Makefiles do by default, gives a
# relocatable object and a one-line note (targets/common/clang.in); a
# later link takes it by path and as -lNAME, and the program runs. A
# version script is dropped; -c -shared compiles as before. -pthread is
# dropped (the single-threaded <pthread.h> needs no flag).
set -u
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR WORK_DIR" >&2; exit 2; }
bin=$(CDPATH= cd -- "$1" && pwd)/bin || exit 2
support=$(CDPATH= cd -- "$(dirname -- "$0")/../support" && pwd) || exit 2
work=$2
rm -rf "$work" && mkdir -p "$work/lib" && cd "$work" || exit 2
. "$support/checks.sh"

printf 'int twice(int x) { return 2 * x; }\nint seven = 7;\n' > lib.c
printf '#include <stdio.h>\nint twice(int); extern int seven;\nint main(void) { printf("%%d\\n", twice(seven)); return 0; }\n' > main.c
echo '{ global: twice; seven; local: *; };' > lib.map

for t in wasm32-wasi wasm32-wasi-vfs wasm32-wasi-io; do
    cc="$bin/$t-clang"
    if "$cc" -fPIC -c lib.c -o lib.o 2>err && "$cc" -c -shared lib.c -o lib2.o 2>err; then
        ok "$t: -c with -fPIC, -c with -shared"
    else
        fail "$t: -c with -fPIC, -c with -shared" "$(cat err)"
    fi
    rm -f lib/*
    # -lc as Debian's bzip2 Makefile gives it (wasm-ld -r with libc crashed)
    if "$cc" -shared -Wl,-soname,libtw.so.1 -Wl,--version-script,lib.map \
            lib.o -o lib/libtw.so -lc -lm 2>err; then
        ok "$t: -shared links"
    else
        fail "$t: -shared links" "$(cat err)"
    fi
    want="$t-clang: note: -shared makes a relocatable object (wasm-ld -r) that later links take as any object; WebAssembly has no shared libraries here"
    [ "$(cat err)" = "$want" ] && ok "$t: the note" || fail "$t: the note" "got '$(cat err)'"
    if "$bin/$t-nm" lib/libtw.so 2>/dev/null | grep -q ' T twice'; then
        ok "$t: the result is an object defining twice"
    else
        fail "$t: the result is an object defining twice" "$("$bin/$t-nm" lib/libtw.so 2>&1 | head -3)"
    fi
    [ "$t" = wasm32-wasi-io ] && continue
    for how in path lib; do
        if [ $how = path ]; then set -- lib/libtw.so; else set -- -L/nonexistent -Llib -ltw; fi
        if "$cc" main.c "$@" -o main.wasm 2>err &&
           [ "$("$bin/wasi-run" main.wasm 2>&1)" = 14 ]; then
            ok "$t: linked by $how, runs"
        else
            fail "$t: linked by $how, runs" "$(cat err)"
        fi
    done
done
printf '#include <errno.h>\n#include <pthread.h>\n#include <stdio.h>\nint main(void) { pthread_t t; puts(pthread_create(&t, 0, 0, 0) == EAGAIN ? "EAGAIN" : "?"); return 0; }\n' > pt.c
for t in wasm32-wasi wasm32-wasi-vfs; do
    if "$bin/$t-clang" -pthread -c pt.c -o pt.o 2>err && "$bin/$t-clang" -pthread pt.o -o pt.wasm 2>>err &&
       [ "$("$bin/wasi-run" pt.wasm 2>&1)" = EAGAIN ]; then
        ok "$t: -pthread compiles and links; pthread_create is EAGAIN"
    else
        fail "$t: -pthread compiles and links; pthread_create is EAGAIN" "$(cat err)"
    fi
done
# A static archive of the same name comes first, as with a system linker.
printf 'int twice(int x) { return 3 * x; }\nint seven = 7;\n' > lib3.c
"$bin/wasm32-wasi-clang" -c lib3.c -o lib3.o && rm -f lib/libtw.a &&
    "$bin/wasm32-wasi-ar" rc lib/libtw.a lib3.o &&
    "$bin/wasm32-wasi-clang" main.c -Llib -ltw -o main.wasm 2>err
got=$("$bin/wasi-run" main.wasm 2>&1)
[ "$got" = 21 ] && ok "libNAME.a before libNAME.so" || fail "libNAME.a before libNAME.so" "got '$got'"
finish
