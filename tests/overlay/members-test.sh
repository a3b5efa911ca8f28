#!/bin/sh
# members-test.sh CMAKE CLANG AR NM SOURCE_DIR WORK
#
# How the triples' libc.a are made from any wasi-libc: on small archives
# made here, cmake/merge-libc.cmake replaces exactly the members that
# define what the overlay defines, fails naming the member on a real
# conflict (a member defining a replaced symbol and a kept one), lets the
# plain triple's objects yield (YIELD=ON), and for the io triple leaves out
# the members DROP_NAMES and DROP_USERS_OF name with every member that
# needs them, naming those.
set -u
[ $# -eq 6 ] || { echo "usage: members-test.sh CMAKE CLANG AR NM SOURCE_DIR WORK" >&2; exit 2; }
CMAKE=$1 CLANG=$2 AR=$3 NM=$4 SRC=$5 W=$6
. "$SRC/tests/support/checks.sh"
rm -rf "$W" && mkdir -p "$W" || exit 1

# obj NAME 'C source': compiles NAME.o for wasm32.
obj() {
    printf '%s\n' "$2" >"$W/$1.c"
    "$CLANG" --target=wasm32-wasi -nostdlib -O1 -c "$W/$1.c" -o "$W/$1.o" ||
        { echo "cannot compile $1"; exit 1; }
}
# archive OUT OBJ...: a fresh archive of the objects.
archive() {
    out=$1; shift
    rm -f "$W/$out"
    (cd "$W" && "$AR" crs "$out" "$@") || exit 1
}
# merge BASE OVERLAY YIELD NAME [-DVAR=VALUE...]: runs merge-libc.cmake;
# output in NAME.log.
merge() {
    base=$1 ovl=$2 yield=$3 name=$4
    shift 4
    "$CMAKE" "-DBASE=$W/$base" "-DEMULATED=" "-DOVERLAY=$W/$ovl" "-DCORE=" \
        "-DYIELD=$yield" "-DAR=$AR" "-DNM=$NM" "-DWORK=$W/$name.work" \
        "-DOUT=$W/$name.a" "$@" -P "$SRC/cmake/merge-libc.cmake" \
        >"$W/$name.log" 2>&1
}
members() { "$AR" t "$W/$1" | tr '\n' ' '; }
# said NAME TEXT: NAME.log holds TEXT, however CMake wrapped its lines.
said() { tr -s ' \n' '  ' <"$W/$1.log" | grep -qF "$2"; }

# wasi-libc stand-in: open.o (open only), pair.o (chmod and statvfs),
# state.o (getcwd and its private __cwd), user.o (uses __cwd), keep.o.
obj open 'int open(const char *p, int f) { return p[0] + f; }'
obj pair 'int chmod(const char *p, int m) { return p[0] + m; }
int statvfs(const char *p, void *b) { return p[0] + (b != 0); }'
obj state 'char __cwd[8]; char *getcwd(char *b, long n) { return n ? __cwd : b; }'
obj user 'extern char __cwd[]; int pwd_len(void) { return __cwd[0]; }'
obj keep 'int puts(const char *s) { return s[0]; }'
archive base.a open.o pair.o state.o keep.o
archive base-user.a open.o state.o user.o keep.o

# overlay objects
obj ovl_open 'int open(const char *p, int f) { return p[1] + f; }'
obj ovl_chmod 'int chmod(const char *p, int m) { return p[1] + m; }'
obj ovl_cwd 'char *getcwd(char *b, long n) { return n ? b : 0; }'
obj ovl_mix 'int chmod(const char *p, int m) { return p[1] + m; }
int lchmod(const char *p, int m) { return p[2] + m; }'

archive ovl1.a ovl_open.o ovl_cwd.o
if merge base.a ovl1.a OFF clean; then
    got=$(members clean.a)
    [ "$got" = "pair.o keep.o ovl-ovl_cwd.o ovl-ovl_open.o " ] &&
        ok "replaces the members defining the overlay's symbols" ||
        fail "replaces the members defining the overlay's symbols" "members: $got"
    grep -qx 'open.o' "$W/clean.work/replaced.txt" &&
        grep -qx 'state.o' "$W/clean.work/replaced.txt" &&
        ok "replaced.txt names them" || fail "replaced.txt names them" "$(cat "$W/clean.work/replaced.txt")"
else
    fail "replaces the members defining the overlay's symbols" "$(cat "$W/clean.log")"
fi

archive ovl2.a ovl_chmod.o
if merge base.a ovl2.a OFF conflict; then
    fail "a member defining a replaced and a kept symbol stops the merge" "it merged"
else
    grep -q 'pair.o defines both replaced symbols (chmod) and kept ones (statvfs)' "$W/conflict.log" &&
        [ ! -e "$W/conflict.a" ] &&
        ok "a member defining a replaced and a kept symbol stops the merge" ||
        fail "a member defining a replaced and a kept symbol stops the merge" "$(cat "$W/conflict.log")"
fi

archive ovl3.a ovl_cwd.o
if merge base-user.a ovl3.a OFF used; then
    fail "a private symbol still used by a kept member stops the merge" "it merged"
else
    grep -q 'state.o defines both replaced symbols (getcwd) and kept ones (__cwd)' "$W/used.log" &&
        ok "a private symbol still used by a kept member stops the merge" ||
        fail "a private symbol still used by a kept member stops the merge" "$(cat "$W/used.log")"
fi

if merge base.a ovl2.a ON yield; then
    got=$(members yield.a)
    [ "$got" = "open.o pair.o state.o keep.o " ] &&
        grep -qx 'ovl2.a(ovl_chmod.o)' "$W/yield.work/replaced.txt" &&
        ok "YIELD: an object whose symbols wasi-libc defines gives way" ||
        fail "YIELD: an object whose symbols wasi-libc defines gives way" "members: $got"
else
    fail "YIELD: an object whose symbols wasi-libc defines gives way" "$(cat "$W/yield.log")"
fi

archive ovl4.a ovl_mix.o
if merge base.a ovl4.a ON mix; then
    fail "YIELD: an object with symbols wasi-libc lacks still conflicts" "it merged"
else
    grep -q 'pair.o defines both replaced symbols (chmod) and kept ones (statvfs)' "$W/mix.log" &&
        ok "YIELD: an object with symbols wasi-libc lacks still conflicts" ||
        fail "YIELD: an object with symbols wasi-libc lacks still conflicts" "$(cat "$W/mix.log")"
fi

# The io triple's drops: a member that refers to a matching symbol or
# defines a listed name is left out, with every member needing what only
# left-out members define (named); an added object needing it stops.
obj wrap 'int __wasi_path_x(int); int open(const char *p, int f) { return __wasi_path_x(p[0] + f); }'
obj walk 'int open(const char *, int); int walk(const char *p) { return open(p, 0); }'
obj stubs 'int fd_stub(void) { return 0; }'
obj needy 'int walk(const char *); int fd_stub(void) { return walk("x"); }'
archive io-base.a wrap.o walk.o keep.o
archive io-stubs.a stubs.o
archive io-needy.a needy.o
drop_users=-DDROP_USERS_OF=^__wasi_path_
if merge io-base.a io-stubs.a OFF io "$drop_users"; then
    got=$(members io.a)
    [ "$got" = "keep.o ovl-stubs.o " ] &&
        grep -q 'walk.o left out too, it needs open' "$W/io.log" &&
        grep -qx 'walk.o' "$W/io.work/replaced.txt" &&
        ok "DROP_USERS_OF leaves out users and what needs them, named" ||
        fail "DROP_USERS_OF leaves out users and what needs them, named" "members: $got; $(cat "$W/io.log")"
else
    fail "DROP_USERS_OF leaves out users and what needs them, named" "$(cat "$W/io.log")"
fi
printf 'puts\n' >"$W/names.txt"
if merge io-base.a io-stubs.a OFF io-names "$drop_users" "-DDROP_NAMES=$W/names.txt"; then
    got=$(members io-names.a)
    [ "$got" = "ovl-stubs.o " ] && ok "DROP_NAMES leaves out the members defining a name" ||
        fail "DROP_NAMES leaves out the members defining a name" "members: $got"
else
    fail "DROP_NAMES leaves out the members defining a name" "$(cat "$W/io-names.log")"
fi
if merge io-base.a io-stubs.a OFF io-none -DDROP_USERS_OF=^__wasi_gone_; then
    fail "DROP_USERS_OF matching nothing stops the merge" "it made $(members io-none.a)"
else
    said io-none "io-base.a refers to a symbol matching ^__wasi_gone_: wasi-libc changed" &&
        [ ! -e "$W/io-none.a" ] &&
        ok "DROP_USERS_OF matching nothing stops the merge" ||
        fail "DROP_USERS_OF matching nothing stops the merge" "$(cat "$W/io-none.log")"
fi
if merge io-base.a io-needy.a OFF needy "$drop_users"; then
    fail "an added object needing a left-out symbol stops the merge" "it made $(members needy.a)"
else
    said needy "ovl-needy.o needs walk" && [ ! -e "$W/needy.a" ] &&
        ok "an added object needing a left-out symbol stops the merge" ||
        fail "an added object needing a left-out symbol stops the merge" "$(cat "$W/needy.log")"
fi
finish
