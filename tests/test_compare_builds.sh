#!/bin/bash
# make compare-builds' machinery end to end on stand-in builds
# (compare_fixture.c): hotpath-compare loads two shared objects side by
# side, an A/A comparison does not flag, a certain 2x regression is flagged
# and FAIL_ON_REGRESSION's exit status follows it, a variant in one build
# only is listed without failing, bad builds and bad revisions fail with a
# clear message, and the results read back in hotpath-stats.
# Usage: test_compare_builds.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
SRC=$2
CMP=$BUILD/hotpath-compare
FIX=$BUILD/tests/compare
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# Short rounds: each comparison takes ~10 ms; the kernels take 1 and 10 us.
run() { "$CMP" --rounds 15 --round-ms 0.5 --resamples 2000 --out "$T/run" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
verdict() { awk -F'\t' -v n="$1" '$1 == n { print $14 }' "$T/run-compare.tsv"; }

# 1. A/A: the same build loaded twice (two namespaces, two copies).  The
# 10% noise threshold keeps the test safe on a loaded machine: identical
# code does not differ by 10% with its whole interval beyond it.
run --a "$FIX/libcompare_fixture_a.so" --b "$FIX/libcompare_fixture_a.so" --noise 10 \
    --fail-on-regression 10
[ $rc -eq 0 ] || fail "A/A exited $rc: $(cat "$T/err")"
[ "$(grep -c . "$T/run-compare.tsv")" -eq 9 ] || fail "A/A: not 8 benchmarks in the TSV"
grep -qE '^ +(Performance has improved|Performance has regressed)' "$T/out" &&
    fail "A/A flagged a change: $(cat "$T/out")"
grep -qE '^8 benchmarks: 0 improved, 0 regressed$' "$T/out" || fail "A/A: no summary line"
grep -qE '^[0-9]+ of 8 comparisons significant at a false discovery rate of 5%' "$T/out" ||
    fail "A/A: no false discovery rate summary"
grep -A4 -x 'fixture_chain/chain/2000/odd' "$T/out" |
    grep -qE '^ +change: \[[-+][0-9.]+% [-+][0-9.]+% [-+][0-9.]+%\] \(p = [0-9.e-]+, q = [0-9.e-]+; 15 rounds\)$' ||
    fail "A/A: no criterion-style change line"

# 2. B's chain does exactly twice the work: regressed by ~100%, beyond
# FAIL_ON_REGRESSION=50 (exit 3) but not beyond 150 (exit 0); the
# unchanged variant is not flagged.
run --a "$FIX/libcompare_fixture_a.so" --b "$FIX/libcompare_fixture_slow.so" --noise 10 \
    --fail-on-regression 50
[ $rc -eq 3 ] || fail "2x slower, --fail-on-regression 50: exit $rc, expected 3"
for n in fixture_chain/chain/2000/even fixture_chain/chain/20000/odd; do
    [ "$(verdict $n)" = regressed ] || fail "$n: $(verdict $n), not regressed"
    awk -F'\t' -v n=$n '$1 == n && !($8 > 80 && $8 < 120) { exit 1 }' "$T/run-compare.tsv" ||
        fail "$n: change not near +100%"
done
for n in fixture_chain/steady/2000/even fixture_chain/steady/20000/odd; do
    [ "$(verdict $n)" = regressed ] || [ "$(verdict $n)" = improved ] &&
        fail "$n is unchanged but $(verdict $n)"
done
grep -q 'regression beyond 50%: fixture_chain/chain/2000/even ' "$T/err" ||
    fail "the regression is not named on stderr"
run --a "$FIX/libcompare_fixture_a.so" --b "$FIX/libcompare_fixture_slow.so" \
    --fail-on-regression 150 --filter '/chain/2000/odd$'
[ $rc -eq 0 ] || fail "2x slower, --fail-on-regression 150: exit $rc, expected 0"
[ "$(grep -c . "$T/run-compare.tsv")" -eq 2 ] || fail "--filter: not one benchmark"

# 3. The results read like any run: hotpath-stats on each side.
for f in "$T/run.json" "$T/run-A.json"; do
    "$BUILD/hotpath-stats" --resamples 1000 --results-dir "$T" "$f" >"$T/stats" 2>&1 ||
        fail "hotpath-stats $f: $(cat "$T/stats")"
    grep -qx 'fixture_chain/chain/2000/odd' "$T/stats" || fail "hotpath-stats $f: no block"
done

# 4. A variant in one build only: listed, not fatal.
run --a "$FIX/libcompare_fixture_a.so" --b "$FIX/libcompare_fixture_extra.so" --quick
[ $rc -eq 0 ] || fail "a variant only in B: exit $rc: $(cat "$T/err")"
grep -qx '  fixture_chain/extra: only in build B' "$T/out" || fail "the extra variant is not listed"

# 5. Bad builds and command lines: a clear message, no output file.
rm -rf "$T"/run*
run --a "$T/missing.so" --b "$FIX/libcompare_fixture_a.so"
[ $rc -eq 1 ] && grep -q "build A: cannot load $T/missing.so" "$T/err" || fail "missing .so: $rc $(cat "$T/err")"
libm=$(ldd "$CMP" | awk '/libm\.so/ { print $3 }')
run --a "$FIX/libcompare_fixture_a.so" --b "$libm"
[ $rc -eq 1 ] && grep -q 'lacks hp_variants' "$T/err" || fail "not a hotpath build: $rc $(cat "$T/err")"
run --a "$FIX/libcompare_fixture_a.so"
[ $rc -eq 2 ] || fail "no --b: exit $rc"
ls "$T"/run* >/dev/null 2>&1 && fail "a failed comparison left files"

# 6. The make layer: a revision that does not exist fails before building.
out=$(cd "$SRC" && bash scripts/compare-builds.sh no-such-rev-xyz HEAD 2>&1)
rc=$?
[ $rc -eq 2 ] && grep -q 'A=no-such-rev-xyz: not a git revision or a directory' <<<"$out" ||
    fail "missing revision: exit $rc: $out"

mkdir "$T/not-a-tree"
out=$(cd "$SRC" && bash scripts/compare-builds.sh HEAD "$T/not-a-tree" 2>&1)
rc=$?
[ $rc -eq 2 ] && grep -q 'B=.*not-a-tree: a directory, but not a hotpath source tree' <<<"$out" ||
    fail "a directory that is no source tree: exit $rc: $out"

[ $fails -eq 0 ] && echo "compare-builds: all checks passed"
exit $((fails > 0))
