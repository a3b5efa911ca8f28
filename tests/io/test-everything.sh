#!/bin/sh
# test-everything.sh RUNNER EVERYTHING HOSTPOLL WORKDIR
#
# Runs everything.c built for wasm32-wasi-io: stdio on the standard streams
# works (fread from stdin, printf, fputs to stderr), the C library's calls
# that take no file name work, stdin is not seekable, and io/ works through
# byte arrays, FILE adapters and descriptors. Then hostpoll.c: wasi_io_poll waits
# for a host descriptor through poll_oneoff, and times out.
set -u
[ $# -eq 4 ] || { echo "usage: $0 RUNNER EVERYTHING HOSTPOLL WORKDIR" >&2; exit 2; }
. "$(dirname "$0")/lib.sh"
RUN=$(absolute "$1") MOD=$(absolute "$2") POLL=$(absolute "$3")
mkdir -p "$4" && cd "$4" || exit 2

printf 'piped input' | "$RUN" "$MOD" arg1 >out 2>err
st=$?
check status "$st" 0
check stderr "$(cat err)" "to stderr"
check stdout "$(cat out)" "stdin: 11 bytes: piped input
argc 2, argv[1] arg1
ftell(stdin) -1 (streams are not seekable)
HOME unset
isatty(1) 0
clock ok
random ok
sorted 1 3 5 9 7.50
poll 2
copy 12
bytes: stream bytes and a FILE
via FILE: stream bytes and a FILE
read_all 5
through fd 1
through wasi_io_stdout
through host fd 1
through fdopen"

# The bytes go in once the guest has said "waiting" (after its first
# poll), within 120 s.
rm -f err
(i=0
 while ! grep -qs waiting err && [ $i -lt 1200 ]; do sleep 0.1; i=$((i + 1)); done
 printf 'xy') | "$RUN" "$POLL" >out 2>err
check host-poll "$(cat out)" "poll 0 1, read 2 'xy', then 0, host poll 1"
finish
