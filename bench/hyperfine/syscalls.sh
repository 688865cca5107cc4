#!/usr/bin/env bash
# Milestone 5 as whole processes: build/hp-writer writes 16 MiB to
# /dev/null as 16 Mi one-byte raw syscalls, as one-byte libc write() calls,
# as one-byte stdio fputc() calls (buffered into 4 KiB writes), as 4 KiB
# raw writes, as 4 KiB fwrite() calls, and as one raw write.
#
#   syscalls.sh BUILD RESULTS RUN  ->  RESULTS/RUN-hyperfine-syscalls.json
#
# Cost: the two one-byte-syscall commands take about 2.4 s per run each on
# the Zen 5 this was written on (~143 ns per write), so 5 runs + 1 warm-up
# of all six commands take about 35 s (74 s measured on a loaded one).  Under
# HOTPATH_QUICK=1: 64 KiB and 3 runs, well under a second.
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD RESULTS RUN" >&2
    exit 2
fi
build=$1 results=$2 run=$3
writer=$build/hp-writer
if [ ! -x "$writer" ]; then
    echo "$0: $writer is missing (make build first)" >&2
    exit 1
fi

if [ "${HOTPATH_QUICK:-0}" != 0 ] && [ -n "${HOTPATH_QUICK:-}" ]; then
    size=$((64 << 10)) runs=3 warmup=0
else
    size=$((16 << 20)) runs=5 warmup=1
fi

args=()
for mode in raw-1 libc-1 stdio-1 raw-4k stdio-4k raw-all; do
    args+=(--command-name "hp-writer $mode $size" "$writer $mode $size")
done

mkdir -p "$results"
# --shell=none: no shell between hyperfine and the program, so the times
# are the program's own (start-up included, which all modes share).
hyperfine --shell=none --style basic --runs "$runs" --warmup "$warmup" \
    --export-json "$results/$run-hyperfine-syscalls.json" "${args[@]}"
