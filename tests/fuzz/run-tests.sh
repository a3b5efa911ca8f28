#!/bin/sh
# run-tests.sh FUZZER CORPUS WORKDIR - the ctest check of vfs_diff: runs
# every committed seed once, then a bounded mutation run with a fixed seed
# (VFS_DIFF_RUNS inputs, default 20000). New inputs go to WORKDIR, never to
# CORPUS. Fails on any divergence or sanitizer report; exits 77 (skip) when
# no jail can be made.
set -eu
fuzzer=$1
corpus=$2
work=$3

rm -rf "$work"
mkdir -p "$work/new"
cd "$work"
# A divergence (an abort), a leak or a sanitizer report must fail, not be
# taken for the skip: libFuzzer's own status for them is 77 too.
"$fuzzer" -error_exitcode=1 -runs=0 "$corpus"
"$fuzzer" -error_exitcode=1 -seed=1 -runs="${VFS_DIFF_RUNS:-20000}" \
    -max_len=600 -timeout=60 "$work/new" "$corpus"
