#!/bin/sh
# no-file-names.sh BINDIR WORKDIR
#
# On wasm32-wasi-io a call that takes a file name (or a directory) is a
# compile-time error naming the triples that have it: each call below must
# fail to compile for wasm32-wasi-io with exactly that message, and compile
# and link for wasm32-wasi-vfs, and for wasm32-wasi when the message says
# wasm32-wasi has it. A call declared by hand (no header) fails to link:
# the triple's libc.a lacks it.
set -u
[ $# -eq 2 ] || { echo "usage: $0 BINDIR WORKDIR" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
BIN=$(absolute "$1")
mkdir -p "$2" && cd "$2" || exit 2

both="unavailable on wasm32-wasi-io, which has no file names; wasm32-wasi-vfs and wasm32-wasi have it (or pass streams: <wasi_io.h>)"
vfs="unavailable on wasm32-wasi-io, which has no file names; wasm32-wasi-vfs has it (or pass streams: <wasi_io.h>)"

# call GROUP HEADER NAME EXPRESSION
call() {
    group=$1 header=$2 name=$3 expr=$4
    printf '#include <%s>\n#include <fcntl.h>\n#include <stdio.h>\nvoid *p; char b[32];\nint main(void) { (void)(%s); return 0; }\n' \
        "$header" "$expr" >"$name.c"
    if "$BIN/wasm32-wasi-io-clang" -c "$name.c" -o "$name.o" 2>"$name.err"; then
        fail "io-$name" "compiled for wasm32-wasi-io"
    else
        eval want=\$$group
        line=$(grep -m1 'error:' "$name.err" | sed 's/^[^ ]* //')
        check "io-$name" "$line" "error: '$name' is unavailable: $want"
    fi
    for t in wasm32-wasi-vfs wasm32-wasi; do
        [ "$t" = wasm32-wasi ] && [ "$group" != both ] && continue
        if "$BIN/$t-clang" "$name.c" -o "$name.$t.wasm" 2>"$name.err"; then
            ok "$t-$name"
        else
            fail "$t-$name" "$(grep -m1 error "$name.err")"
        fi
    done
}

call both stdio.h fopen 'fopen("f", "r")'
call both stdio.h freopen 'freopen("f", "r", stdin)'
call both stdio.h remove 'remove("f")'
call both stdio.h rename 'rename("a", "b")'
call both stdio.h renameat 'renameat(3, "a", 3, "b")'
call vfs stdio.h tmpfile 'tmpfile()'
call vfs stdio.h tmpnam 'tmpnam(b)'
call vfs stdio.h tempnam 'tempnam("d", "x")'
call both fcntl.h open 'open("f", O_RDONLY)'
call both fcntl.h openat 'openat(3, "f", O_RDONLY)'
call both fcntl.h creat 'creat("f", 0644)'
call both sys/stat.h stat 'stat("f", p)'
call both sys/stat.h lstat 'lstat("f", p)'
call both sys/stat.h fstatat 'fstatat(3, "f", p, 0)'
call both sys/stat.h mkdir 'mkdir("d", 0755)'
call both sys/stat.h mkdirat 'mkdirat(3, "d", 0755)'
call both sys/stat.h utimensat 'utimensat(3, "f", p, 0)'
call vfs sys/stat.h chmod 'chmod("f", 0644)'
call both unistd.h access 'access("f", 0)'
call both unistd.h faccessat 'faccessat(3, "f", 0, 0)'
call both unistd.h chdir 'chdir("d")'
call vfs unistd.h fchdir 'fchdir(3)'
call both unistd.h getcwd 'getcwd(b, 32)'
call both unistd.h link 'link("a", "b")'
call both unistd.h linkat 'linkat(3, "a", 3, "b", 0)'
call both unistd.h symlink 'symlink("a", "b")'
call both unistd.h symlinkat 'symlinkat("a", 3, "b")'
call both unistd.h readlink 'readlink("f", b, 32)'
call both unistd.h readlinkat 'readlinkat(3, "f", b, 32)'
call both unistd.h unlink 'unlink("f")'
call both unistd.h unlinkat 'unlinkat(3, "f", 0)'
call both unistd.h rmdir 'rmdir("d")'
call both unistd.h truncate 'truncate("f", 0)'
call both unistd.h pathconf 'pathconf("f", 0)'
call both dirent.h opendir 'opendir("d")'
call both dirent.h fdopendir 'fdopendir(3)'
call both dirent.h scandir 'scandir("d", p, 0, 0)'
call both dirent.h readdir 'readdir(p)'
call both dirent.h closedir 'closedir(p)'
call both dirent.h rewinddir 'rewinddir(p)'
call both dirent.h dirfd 'dirfd(p)'
call both dirent.h seekdir 'seekdir(p, 0)'
call both dirent.h telldir 'telldir(p)'
call vfs stdlib.h realpath 'realpath("f", b)'
call vfs stdlib.h mkstemp 'mkstemp(b)'
call vfs stdlib.h mkostemp 'mkostemp(b, 0)'
call vfs stdlib.h mkdtemp 'mkdtemp(b)'
call both utime.h utime 'utime("f", p)'
call both sys/time.h utimes 'utimes("f", p)'
call both sys/time.h futimesat 'futimesat(3, "f", p)'
call both ftw.h nftw 'nftw("d", p, 1, 0)'
call both glob.h glob 'glob("*", 0, 0, p)'

# Declared by hand: the link fails, the member is not in libc.a.
for name in fopen open stat opendir unlink rename getcwd chdir readdir; do
    printf 'extern void *%s(const char *, ...);\nint main(void) { return %s("f") != 0; }\n' \
        "$name" "$name" >"link-$name.c"
    if "$BIN/wasm32-wasi-io-clang" "link-$name.c" -o "link-$name.wasm" 2>"link-$name.err"; then
        fail "link-$name" "linked for wasm32-wasi-io"
    elif grep -q "undefined symbol: $name\$" "link-$name.err"; then
        ok "link-$name"
    else
        fail "link-$name" "$(grep -m1 error "link-$name.err")"
    fi
done
finish
