#!/bin/bash
# Google Benchmark's own compare.py reads hotpath's result files (and a
# hotpath-stats baseline), so they stay standard Google Benchmark JSON.
# Skipped (77) only when Debian's libbenchmark-tools or scipy is absent.
# Usage: test_stats_compare_py.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
DATA=$2/tests/data
PY=/usr/bin/python3
CMP=/usr/share/benchmark/compare.py
if [ ! -f "$CMP" ] && command -v dpkg >/dev/null; then
    CMP=$(dpkg -L libbenchmark-tools 2>/dev/null | grep '/compare\.py$' | head -1)
fi
if [ -z "$CMP" ] || [ ! -f "$CMP" ] || ! "$PY" -c 'import scipy' 2>/dev/null; then
    echo "SKIP: compare.py (libbenchmark-tools) or python3-scipy not installed"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

"$PY" "$CMP" benchmarks "$DATA/stats_run_a.json" "$DATA/stats_run_b.json" >"$T/out" 2>&1 ||
    { echo "FAIL: compare.py on two result files:"; cat "$T/out"; fails=1; }
grep -q 'base64_encode/avx2/64' "$T/out" || { echo "FAIL: compare.py lists no benchmark"; fails=1; }
grep -q 'U Test' "$T/out" || { echo "FAIL: compare.py ran no U test"; fails=1; }

cp "$DATA/stats_run_a.json" "$T/a.json" # its tables go next to it
"$BUILD/hotpath-stats" --resamples 100 --results-dir "$T" --save-baseline b "$T/a.json" \
    >/dev/null 2>&1 || { echo "FAIL: saving a baseline"; fails=1; }
"$PY" "$CMP" benchmarks "$T/baselines/b.json" "$DATA/stats_run_b.json" >"$T/out" 2>&1 ||
    { echo "FAIL: compare.py on a baseline:"; cat "$T/out"; fails=1; }

[ $fails -eq 0 ] && echo "test_stats_compare_py: compare.py read both"
exit $fails
