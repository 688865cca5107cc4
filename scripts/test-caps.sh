#!/usr/bin/env bash
# The registry-wide tests and the correctness gate once per ISA cap below
# this machine's level (HOTPATH_ISA=scalar, sse2, ssse3, avx2, each where
# the CPU offers more), so the dispatched and lower-ISA paths of a wide
# machine are tested on purpose, not by chance; then the variants that no
# cap runs here, so a path this machine skips is visible in every log.
# `make test` runs it over the Release build.
#   test-caps.sh BUILD [JOBS]
set -euo pipefail
build=$1 jobs=${2:-2}
src=$(cd "$(dirname "$0")/.." && pwd)
for p in hotpath-cpu hotpath-bench; do
    [ -x "$build/$p" ] || { echo "test-caps: $build/$p is not built" >&2; exit 2; }
done
has() { [[ " $features " == *" $1 "* ]]; }
features=$(env -u HOTPATH_ISA "$build/hotpath-cpu" | sed -n 's/^detected: *//p')
# A cap is worth a run when the CPU has something above it.
caps=(scalar)
has ssse3 && caps+=(sse2)
has avx2 && caps+=(ssse3)
has avx512f && caps+=(avx2)
# The suites that iterate the registry (every C suite but the statistics',
# which link no kernel) and b64's (it dispatches through hp_best).  The
# other tool tests name fixed variants a cap may exclude.
suites=$(cd "$src/tests" && ls test_*.c | sed 's/\.c$//' | grep -v '^test_stats')
regex="^($(echo $suites | tr ' ' '|')|test_b64_tool)\$"
failed=()
for cap in "${caps[@]}"; do
    echo "== HOTPATH_ISA=$cap: registry-wide tests and the gate"
    if ! (cd "$build" && HOTPATH_ISA=$cap ctest -R "$regex" -j "$jobs" --output-on-failure \
              | sed -n 's/^\(100% tests passed.*\|[0-9]*% tests passed.*\)/  \1/p; /Failed/p'); then
        failed+=("tests at $cap")
    fi
    if ! HOTPATH_ISA=$cap "$build/hotpath-bench" --hp_gate_only 2>"$build/gate-$cap.log"; then
        cat "$build/gate-$cap.log"
        failed+=("gate at $cap")
    fi
    echo "  $(tail -n 1 "$build/gate-$cap.log")"
done
# At the machine's own level: what the gate skips, no cap runs.
env -u HOTPATH_ISA "$build/hotpath-bench" --hp_gate_only 2>"$build/gate-native.log" ||
    failed+=("gate at the native level")
skipped=$(sed -n 's/^gate: skip /  /p' "$build/gate-native.log")
echo "== caps run here: ${caps[*]} and the native level ($(env -u HOTPATH_ISA "$build/hotpath-cpu" | sed -n 's/^level: *//p'))"
if [ -n "$skipped" ]; then
    echo "== variants no cap could run on this machine (untested here):"
    echo "$skipped"
else
    echo "== every registered variant ran on this machine"
fi
if [ ${#failed[@]} -gt 0 ]; then
    echo "test-caps: FAILED: ${failed[*]}" >&2
    exit 1
fi
