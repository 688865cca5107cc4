#!/usr/bin/env bash
# Milestone 6 as whole processes: build/b64 against coreutils base64 and
# `openssl base64`, encoding and decoding a 256 MiB random file, with `cat`
# of the same input as the limit (reading the file and writing nothing
# costs at least that).  Like is compared with like: coreutils wraps at 76
# and openssl at 64, so each wrapping has its own group (b64 -w 0 vs
# base64 -w 0 vs openssl base64 -A; b64 vs base64 at 76; b64 -w 64 vs
# base64 -w 64 vs openssl base64), and decoding reads the 76-column, the
# 64-column and the single-line (-w 0) text: b64 -d copies each read's
# characters out of the newlines before decoding, and that copy runs
# differently with and without them.  Output goes to /dev/null (hyperfine's default) and no
# shell runs between hyperfine and the program (-N).
#
#   base64.sh BUILD RESULTS RUN  ->  RESULTS/RUN-hyperfine-base64.json
#
# The input (and its two encodings, made by coreutils) is generated once
# and cached in BUILD/data.  Cost: at least 10 runs and 3 s of each command
# (hyperfine's defaults: ~50 runs of the fast ones), about 1.5 min on the
# Zen 5 this was written on, 2.5 min while it was shared.  Under
# HOTPATH_QUICK=1: a 4 MiB file, 3 runs.
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD RESULTS RUN" >&2
    exit 2
fi
build=$1 results=$2 run=$3
b64=$build/b64
if [ ! -x "$b64" ]; then
    echo "$0: $b64 is missing (make build first)" >&2
    exit 1
fi
for tool in base64 openssl cat; do
    command -v $tool >/dev/null || { echo "$0: $tool not found" >&2; exit 1; }
done

if [ "${HOTPATH_QUICK:-0}" != 0 ] && [ -n "${HOTPATH_QUICK:-}" ]; then
    mib=4 runs=(--runs 3) warmup=0
else
    mib=256 runs=(--min-runs 10) warmup=1
fi

data=$build/data
bin=$data/random-${mib}M.bin
mkdir -p "$data"
if [ ! -s "$bin.b64w64" ]; then
    echo "base64.sh: generating $bin and its encodings (once)" >&2
    head -c $((mib << 20)) /dev/urandom >"$bin.tmp"
    base64 "$bin.tmp" >"$bin.b64.tmp"
    base64 -w 64 "$bin.tmp" >"$bin.b64w64.tmp"
    mv "$bin.tmp" "$bin"
    mv "$bin.b64.tmp" "$bin.b64"
    mv "$bin.b64w64.tmp" "$bin.b64w64"
fi
if [ ! -s "$bin.b64w0" ]; then
    base64 -w 0 "$bin" >"$bin.b64w0.tmp"
    mv "$bin.b64w0.tmp" "$bin.b64w0"
fi
# the cached files must be what their names say (an interrupted run or a
# stale cache would time the wrong input)
for enc in "$bin.b64" "$bin.b64w0"; do
    "$b64" -d "$enc" | cmp -s - "$bin" || { echo "$0: $enc is stale" >&2; exit 1; }
done

args=()
add() { args+=(--command-name "$1" "$2"); }
add "cat bin" "cat $bin"
add "b64 -w 0" "$b64 -w 0 $bin"
add "base64 -w 0" "base64 -w 0 $bin"
add "openssl base64 -A" "openssl base64 -A -in $bin"
add "b64" "$b64 $bin"
add "base64" "base64 $bin"
add "b64 -w 64" "$b64 -w 64 $bin"
add "base64 -w 64" "base64 -w 64 $bin"
add "openssl base64" "openssl base64 -in $bin"
add "cat b64" "cat $bin.b64"
add "b64 -d" "$b64 -d $bin.b64"
add "base64 -d" "base64 -d $bin.b64"
add "cat b64 (64 cols)" "cat $bin.b64w64"
add "b64 -d (64 cols)" "$b64 -d $bin.b64w64"
add "base64 -d (64 cols)" "base64 -d $bin.b64w64"
add "openssl base64 -d (64 cols)" "openssl base64 -d -in $bin.b64w64"
add "cat b64 (one line)" "cat $bin.b64w0"
add "b64 -d (one line)" "$b64 -d $bin.b64w0"
add "base64 -d (one line)" "base64 -d $bin.b64w0"
add "openssl base64 -d -A (one line)" "openssl base64 -d -A -in $bin.b64w0"

mkdir -p "$results"
hyperfine -N --style basic "${runs[@]}" --warmup "$warmup" \
    --export-json "$results/$run-hyperfine-base64.json" "${args[@]}"
