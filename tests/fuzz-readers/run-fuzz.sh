#!/bin/sh
# run-fuzz.sh FUZZER CORPUS WORKDIR [MAX_LEN]: runs a reader's fuzzer over
# every input of CORPUS (each must pass), then fuzzes for FUZZ_SECONDS
# (default 20) from a scratch copy in WORKDIR, so that the repository's
# corpus is never written. A crash leaves its input in WORKDIR (crash-*)
# and fails.
set -eu
fuzzer=$1 corpus=$2 work=$3 maxlen=${4:-65536}
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$corpus"/* "$work/corpus/"
cd "$work"
echo "$(basename "$fuzzer"): $(ls corpus | wc -l) corpus inputs"
"$fuzzer" -runs=0 corpus
"$fuzzer" -max_total_time="${FUZZ_SECONDS:-20}" -max_len="$maxlen" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus
