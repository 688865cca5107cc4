#!/usr/bin/env bash
# hp-writer (timed by bench/hyperfine/syscalls.sh) writes the same bytes in
# every mode, including sizes that are not a multiple of its 4 KiB block,
# and refuses a bad mode without touching the output file.
#   test_hp_writer.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
w=$1/hp-writer
[ -x "$w" ] || { echo "no $w"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 0 1 4095 4096 4097 100000; do
    "$w" raw-all "$n" "$tmp/ref"
    [ "$(stat -c %s "$tmp/ref")" -eq "$n" ] || { echo "raw-all $n: wrong size"; exit 1; }
    for mode in raw-1 libc-1 stdio-1 raw-4k stdio-4k; do
        "$w" "$mode" "$n" "$tmp/out"
        cmp "$tmp/ref" "$tmp/out" || { echo "$mode $n differs from raw-all"; exit 1; }
    done
done
echo keep > "$tmp/out"
if "$w" bogus 10 "$tmp/out" 2>/dev/null; then echo "bad mode accepted"; exit 1; fi
[ "$(cat "$tmp/out")" = keep ] || { echo "bad mode truncated the file"; exit 1; }
if "$w" raw-1 12x "$tmp/out" 2>/dev/null; then echo "bad size accepted"; exit 1; fi
echo "hp-writer: every mode writes the same bytes"
