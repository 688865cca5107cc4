#!/bin/bash
# hotpath-stats end to end: blocks, tables, reproducibility, the baseline
# flow (a failed run never replaces a baseline), --fail-on-regression,
# and the documented one-line error for each kind of bad input.
# Usage: test_stats_cli.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
SRC=$2
STATS=$BUILD/hotpath-stats
DATA=$SRC/tests/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# Run the tool: stdout to $T/out, stderr to $T/err, status in $rc.
run() { "$STATS" --resamples 2000 --results-dir "$T/results" "$@" >"$T/out" 2>"$T/err"; rc=$?; }

mkdir -p "$T/results"
cp "$DATA/stats_run_a.json" "$T/results/a.json"
cp "$DATA/stats_run_b.json" "$T/results/b.json"
cp "$DATA/stats_hyperfine.json" "$T/results/a-hyperfine-demo.json"

# 1. A run with its hyperfine file, saved as a baseline.
run "$T/results/a.json" "$T/results/a-hyperfine-demo.json" --save-baseline base
[ $rc -eq 0 ] || fail "analysis exited $rc: $(cat "$T/err")"
grep -qx 'base64_encode/avx2/64' "$T/out" || fail "no block starting with the full name"
grep -A1 -x 'base64_encode/avx2/64' "$T/out" | grep -qE '^ +time: +\[[0-9.]+ [a-zµ]+s [0-9.]+ [a-zµ]+s [0-9.]+ [a-zµ]+s\]$' ||
    fail "no indented 'time: [low estimate high]' under the name"
grep -qE '^ +thrpt: +\[' "$T/out" || fail "no thrpt line"
grep -qE '^ +speedup: \[.*\] vs base64_encode/naive \(reference\)' "$T/out" || fail "no speedup vs the reference"
grep -qE '^ +vs lib: .* vs base64_encode/openssl \(library\)' "$T/out" || fail "no speedup vs the library peer"
grep -qE '^ +vs lim: .* vs base64_encode/memcpy \(limit\)' "$T/out" || fail "no speedup vs the limit"
grep -qE '^ +skipped: HOTPATH_ISA=avx2 excludes' "$T/out" || fail "error row not shown as skipped with its reason"
grep -q '^hyperfine/demo: true$' "$T/out" || fail "no hyperfine block"
for f in base64_encode sum_array samples context hyperfine skipped; do
    [ -s "$T/results/a/tables/$f.tsv" ] || fail "missing table $f.tsv"
done
[ -s "$T/results/a.md" ] || fail "missing a.md"
[ -s "$T/results/baselines/base.json" ] || fail "baseline not saved"
[ -e "$T/results/a/tables/change.tsv" ] && fail "change.tsv without a baseline"

header='name	family	variant	stage	size	extra	cap	n	median_ns	median_lo	median_hi	mean_ns	mean_lo	mean_hi	stddev_ns	mad_ns	thrpt	thrpt_lo	thrpt_hi	thrpt_unit	speedup	speedup_lo	speedup_hi	vs_peer	vs_peer_lo	vs_peer_hi	vs_limit	vs_limit_lo	vs_limit_hi	touched	cache_level	outliers_pct	bimodal	speedup_src	vs_peer_src	vs_limit_src'
for f in base64_encode sum_array; do
    [ "$(head -1 "$T/results/a/tables/$f.tsv")" = "$header" ] || fail "$f.tsv header differs from the contract"
    awk -F'\t' 'NF != 36 { bad = 1 } END { exit bad }' "$T/results/a/tables/$f.tsv" ||
        fail "$f.tsv: a row without 36 fields"
done
# avx2 at 64 bytes: its own speedup row, stage simd, cap avx2, L1, 3 samples
awk -F'\t' '$1 == "base64_encode/avx2/64" && $4 == "simd" && $7 == "avx2" && $8 == 3 &&
            $20 == "GB/s" && $31 == "L1" { ok = 1 } END { exit !ok }' \
    "$T/results/a/tables/base64_encode.tsv" || fail "base64_encode/avx2/64 row is wrong"
awk -F'\t' '$1 == "base64_encode/naive/64" && $21 == 1 { ok = 1 } END { exit !ok }' \
    "$T/results/a/tables/base64_encode.tsv" || fail "the reference's speedup is not 1"
grep -q 'asm/64' "$T/results/a/tables/base64_encode.tsv" && fail "a skipped benchmark is in the data table"
grep -q $'^hp_isa_cap\tavx2$' "$T/results/a/tables/context.tsv" || fail "context.tsv lacks the cap"
[ "$(grep -c . "$T/results/a/tables/samples.tsv")" -eq $((1 + 9 * 3)) ] || fail "samples.tsv: expected 27 samples"

# 2. Same input, same output.
cp "$T/out" "$T/out1"
run "$T/results/a.json" "$T/results/a-hyperfine-demo.json"
cmp -s "$T/out" "$T/out1" || fail "two analyses of the same input differ"
run --threads 1 "$T/results/a.json" "$T/results/a-hyperfine-demo.json"
cmp -s "$T/out" "$T/out1" || fail "one thread and several give different output"

# 2b. Several files, one per ISA cap (make bench-isa): rows per cap; the
# same cap twice is an error naming both files.
sed 's/"hp_isa_cap": "avx2"/"hp_isa_cap": "v4"/' "$T/results/a.json" >"$T/results/a-v4.json"
run "$T/results/a.json" "$T/results/a-v4.json"
[ $rc -eq 0 ] || fail "two caps exited $rc: $(cat "$T/err")"
grep -qx 'base64_encode/avx2/64 (ISA cap v4)' "$T/out" || fail "no per-cap block"
[ "$(awk -F'\t' '$1 == "base64_encode/avx2/64" { print $7 }' "$T/results/a/tables/base64_encode.tsv" |
     sort | tr '\n' ' ')" = "avx2 v4 " ] || fail "base64_encode.tsv: not one row per cap"
grep -q $'^hp_isa_cap\tavx2,v4$' "$T/results/a/tables/context.tsv" || fail "context.tsv: caps"
run "$T/results/a.json" "$T/results/b.json"
[ $rc -eq 1 ] && grep -q 'at ISA cap avx2 is also in .*a.json' "$T/err" || fail "same cap twice: $(cat "$T/err")"

# 2c. A run without the registry context (an older hotpath-bench): plain
# statistics as ever, with a note saying what is missing; no stage, no
# speedup, never one guessed from the name.
sed 's/"hp_variants":/"hp_no_variants":/' "$T/results/a.json" >"$T/results/old.json"
run "$T/results/old.json"
[ $rc -eq 0 ] || fail "a run without the registry exited $rc: $(cat "$T/err")"
grep -q 'note: .*old.json: its context lacks the registry .*re-run make bench' "$T/err" ||
    fail "no note for the missing registry: $(cat "$T/err")"
grep -A1 -x 'base64_encode/avx2/64' "$T/out" | grep -qE '^ +time: +\[' || fail "no plain statistics without the registry"
grep -qE '^ +speedup:' "$T/out" && fail "a speedup without the registry"
awk -F'\t' 'NR > 1 && $4 != "-" { bad = 1 } END { exit bad }' "$T/results/old/tables/base64_encode.tsv" ||
    fail "a stage without the registry"
run "$T/results/a.json"
grep -q 'note:' "$T/err" && fail "a note for a run that has the registry: $(cat "$T/err")"

# 3. Compare another run with the baseline.
run "$T/results/b.json" --baseline base --format text
[ $rc -eq 0 ] || fail "comparison exited $rc: $(cat "$T/err")"
grep -qE '^ +change: \[[-+][0-9.]+% [-+][0-9.]+% [-+][0-9.]+%\] \(p = [0-9.]+, q = [0-9.]+\)$' "$T/out" ||
    fail "no change line"
grep -qE '^[0-9]+ of [0-9]+ comparisons significant at a false discovery rate of 5% \(Benjamini-Hochberg\)' \
    "$T/out" || fail "no false discovery rate summary"
grep -q 'comparisons significant at a false discovery rate of 5%' "$T/results/b.md" ||
    fail "no false discovery rate summary in b.md"
grep -qE '^ +(Performance has improved\.|Performance has regressed\.|No change in performance detected\.|Change within noise threshold\.)$' \
    "$T/out" || fail "no verdict"
[ -s "$T/results/b/tables/change.tsv" ] || fail "no change.tsv"
head -1 "$T/results/b/tables/change.tsv" | grep -qx $'name\tchange_pct\tchange_lo\tchange_hi\tp\tverdict\tcap' ||
    fail "change.tsv header"
run "$T/results/b.json" --baseline base --fdr 0
grep -q 'comparisons significant at p < 0.05 each (no false discovery rate control)' "$T/out" ||
    fail "--fdr 0: no per-comparison summary"
run "$T/results/b.json" --baseline base --fdr 60
[ $rc -eq 2 ] || fail "--fdr 60 accepted (exit $rc)"

# 4. --fail-on-regression: a run 50% slower, 10 repetitions each.
awk -v n=8 -v reps=10 -v seed=3 -f "$DATA/stats_synthetic.awk" >"$T/results/fast.json"
awk -v n=8 -v reps=10 -v seed=4 -v scale=1.5 -f "$DATA/stats_synthetic.awk" >"$T/results/slow.json"
run "$T/results/fast.json" --save-baseline fast
run "$T/results/slow.json" --baseline fast --fail-on-regression 10
[ $rc -eq 3 ] || fail "--fail-on-regression: exit $rc, expected 3"
grep -q 'regression beyond 10%: sum_array/' "$T/err" || fail "--fail-on-regression names no benchmark"
grep -q 'Performance has regressed.' "$T/out" || fail "a 50% slower run is not 'regressed'"
run "$T/results/slow.json" --baseline fast --fail-on-regression 60
[ $rc -eq 0 ] || fail "--fail-on-regression 60 on a 50% regression exited $rc"
run "$T/results/fast.json" --baseline fast --format tsv
[ $rc -eq 0 ] || fail "--format tsv exited $rc"
[ "$(head -1 "$T/out")" = "$header" ] || fail "--format tsv header"
grep -q 'No change in performance detected.' "$T/results/fast.md" || fail "same run vs itself: not 'no change'"

# 5. A failed run never replaces a baseline.
sum=$(md5sum <"$T/results/baselines/base.json")
run "$DATA/stats_truncated.json" --save-baseline base
[ $rc -eq 1 ] || fail "truncated input exited $rc"
[ "$(md5sum <"$T/results/baselines/base.json")" = "$sum" ] || fail "a failed run replaced the baseline"
ls "$T/results/baselines" | grep -q tmp && fail "a temporary baseline file was left"

# 6. Bad input: one line naming the file and the field, exit 1, nothing written.
expect_error() { # file, text
    run "$DATA/$1"
    [ $rc -eq 1 ] || fail "$1: exit $rc, expected 1"
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "$1: not one line: $(cat "$T/err")"
    grep -qF "$DATA/$1: $2" "$T/err" || fail "$1: expected '$2', got: $(cat "$T/err")"
    [ -s "$T/out" ] && fail "$1: printed a table anyway"
    [ -e "$DATA/${1%.json}.md" ] && fail "$1: wrote a summary" && rm -f "$DATA/${1%.json}.md"
}
expect_error stats_empty.json 'empty file (no JSON)'
expect_error stats_truncated.json 'invalid JSON (truncated?) at line 101'
expect_error stats_no_runs.json 'benchmarks: empty (no benchmark ran)'
expect_error stats_aggregates_only.json 'benchmarks[].run_type: no "iteration" entries, only aggregates'
expect_error stats_wrong_type.json 'benchmarks[2].real_time: expected a non-negative number'
expect_error stats_missing_field.json 'benchmarks[1].time_unit: missing'
run "$T/nonexistent.json"
[ $rc -eq 1 ] && grep -q 'nonexistent.json: cannot read' "$T/err" || fail "missing file"
run "$T/results/a.json" --baseline nosuch
[ $rc -eq 1 ] && grep -q 'baseline nosuch: .*nosuch.json: No such file' "$T/err" || fail "missing baseline"

# 7. Bad command lines: exit 2.
for args in "" "--format html $T/results/a.json" "--resamples 1 $T/results/a.json" \
            "--save-baseline ../x $T/results/a.json" "--fail-on-regression 5 $T/results/a.json"; do
    # shellcheck disable=SC2086
    run $args
    [ $rc -eq 2 ] || fail "'$args': exit $rc, expected 2"
done

# 8. The performance case, for correctness only (time is not asserted):
# 200 benchmarks x 30 repetitions.
awk -v n=200 -v reps=30 -f "$DATA/stats_synthetic.awk" >"$T/results/syn.json"
run "$T/results/syn.json" --resamples 1000
[ $rc -eq 0 ] || fail "synthetic 200x30 exited $rc"
[ "$(grep -c '^sum_array/' "$T/out")" -eq 200 ] || fail "synthetic: not 200 blocks"
[ "$(grep -c '^sum_array/' "$T/results/syn/tables/sum_array.tsv")" -eq 200 ] || fail "synthetic: not 200 rows"
awk -F'\t' '$3 == "O0" && !($21 > 0.2 && $21 < 0.3) { bad = 1 } END { exit bad }' \
    "$T/results/syn/tables/sum_array.tsv" || fail "synthetic: O0 is not ~4x slower than scalar"

# 9. Instruction counts (make bench-instructions): saved as a baseline of
# their own, compared exactly (percent, verdict by sign, no p-value).
I=$T/results/i-instructions.json
cp "$DATA/instructions-small.json" "$I"
run "$I" --save-baseline ic
[ $rc -eq 0 ] || fail "instructions: exit $rc: $(cat "$T/err")"
[ -s "$T/results/baselines/ic-instructions.json" ] || fail "instructions baseline not saved"
[ -e "$T/results/baselines/ic.json" ] && fail "a timing baseline from an instructions file"
grep -A1 -x 'strlen/avx2/4096' "$T/out" | grep -qE '^ +instructions: 437 per call$' ||
    fail "no 'instructions: N per call' block"
run "$I" --baseline ic --fail-on-regression 0
[ $rc -eq 0 ] || fail "identical counts: exit $rc"
[ "$(grep -c '^ *No change in instruction count\.$' "$T/out")" -eq 4 ] || fail "identical: not 4 x No change"
grep -q '^ *change: +0.00% (437 -> 437)$' "$T/out" || fail "identical: no +0.00% change line"
# strlen/avx2/4096 437 -> 440 (+0.69%), sum_array/scalar/4096 16390 -> 16000 (-2.38%)
sed 's/"instructions": 437,/"instructions": 440,/; s/"instructions": 16390,/"instructions": 16000,/' \
    "$DATA/instructions-small.json" >"$I"
run "$I" --baseline ic
[ $rc -eq 0 ] || fail "changed counts: exit $rc"
grep -A3 -x 'strlen/avx2/4096' "$T/out" | tr -s ' ' | tr '\n' '|' |
    grep -qF 'instructions: 440 per call| change: +0.69% (437 -> 440)| Instruction count has increased.|' ||
    fail "increase: $(grep -A3 -x 'strlen/avx2/4096' "$T/out" | tr '\n' '|')"
grep -A3 -x 'sum_array/scalar/4096' "$T/out" | tr -s ' ' | tr '\n' '|' |
    grep -qF 'change: -2.38% (16390 -> 16000)| Instruction count has decreased.|' || fail "decrease"
grep -qx $'strlen/avx2/4096\tstrlen\tavx2\t4096\t440\t437\t0.6865' "$T/results/i-instructions/tables/instructions.tsv" ||
    fail "instructions.tsv row: $(cat "$T/results/i-instructions/tables/instructions.tsv")"
grep -qF '| `strlen/avx2/4096` | 440 | 437 | +0.69% | Instruction count has increased. |' \
    "$T/results/i-instructions.md" || fail "no Markdown row for the change"
run "$I" --baseline ic --fail-on-regression 0.5
[ $rc -eq 3 ] && grep -q 'regression beyond 0.5%: strlen/avx2/4096 +0.69% instructions (437 -> 440)' "$T/err" ||
    fail "--fail-on-regression 0.5: exit $rc, $(cat "$T/err")"
run "$I" --baseline ic --fail-on-regression 0.7
[ $rc -eq 0 ] || fail "--fail-on-regression 0.7: exit $rc"
run "$I" --baseline base
[ $rc -eq 1 ] && grep -q 'baseline base: .*base-instructions.json: No such file' "$T/err" ||
    fail "instructions against a timing-only baseline: exit $rc, $(cat "$T/err")"
echo '{"instructions": [{"name": "a/b/1"}]}' >"$I"
run "$I"
[ $rc -eq 1 ] && grep -qx "hotpath-stats: $I: instructions\[0\].family: missing or not a non-empty string" "$T/err" ||
    fail "malformed instructions file: $(cat "$T/err")"

# 10. Milestone 7's derived figures: the report (make cpu-effects-report)
# is, character for character, what scripts/cpu-effects-report.py printed
# for the same file before it was ported (tests/data/stats_cpu_effects.txt),
# and the run's tables hold the same figures.
cp "$DATA/stats_cpu_effects.json" "$T/results/m7.json"
"$STATS" --cpu-effects "$T/results/m7.json" >"$T/out" 2>"$T/err"
[ $? -eq 0 ] || fail "--cpu-effects: $(cat "$T/err")"
sed '1s|^cpu effects: [^ ]*|cpu effects: FILE|' "$T/out" | diff - "$DATA/stats_cpu_effects.txt" >"$T/diff" ||
    fail "--cpu-effects report differs: $(head -5 "$T/diff")"
"$STATS" --cpu-effects "$T/results/a.json" >"$T/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$T/out" ] || fail "--cpu-effects without milestone 7: $(cat "$T/out")"
"$STATS" --cpu-effects "$T/nonexistent.json" >/dev/null 2>"$T/err"
[ $? -eq 1 ] && grep -q 'nonexistent.json: cannot read' "$T/err" || fail "--cpu-effects on a missing file"
run "$T/results/m7.json"
[ $rc -eq 0 ] || fail "m7 run: exit $rc: $(cat "$T/err")"
grep -qx $'branchy\t4096\t0.822685\t0.816978\t0.828345\t0.46977\t0.460897\t0.502336\t0.705828\t1.83244' \
    "$T/results/m7/tables/effects-branch.tsv" || fail "effects-branch.tsv: $(cat "$T/results/m7/tables/effects-branch.tsv")"
grep -qx $'4096\tL1d\t1.42.*' "$T/results/m7/tables/effects-latency.tsv" || fail "effects-latency.tsv"
awk -F'\t' '$1 == 1024 && $10 > 1.05 && $10 < 1.07 { ok = 1 } END { exit !ok }' \
    "$T/results/m7/tables/effects-gather.tsv" || fail "effects-gather.tsv ratio"
[ "$(grep -c . "$T/results/m7/tables/effects-ilp.tsv")" -eq 4 ] || fail "effects-ilp.tsv: not 3 rows"
[ -e "$T/results/a/tables/effects-branch.tsv" ] && fail "effects tables for a run without milestone 7"
# Chart tables come with every run's tables; --charts makes them again
[ -s "$T/results/m7/tables/charts/branch.tsv" ] && [ -s "$T/results/m7/tables/charts/latency.tsv" ] ||
    fail "no chart tables for the m7 run"
cp -r "$T/results/m7/tables/charts" "$T/charts-before"
rm -rf "$T/results/m7/tables/charts"
"$STATS" --charts "$T/results/m7/tables" 2>"$T/err" || fail "--charts: $(cat "$T/err")"
diff -r "$T/charts-before" "$T/results/m7/tables/charts" >/dev/null || fail "--charts differs from the run's charts"
"$STATS" --charts "$T/nonexistent" 2>"$T/err"
[ $? -eq 1 ] && grep -q 'nonexistent' "$T/err" || fail "--charts on a missing directory: $(cat "$T/err")"
"$STATS" --charts "$T/results/m7/tables" "$T/results/a.json" 2>/dev/null
[ $? -eq 2 ] || fail "--charts with an input file: not exit 2"

[ $fails -eq 0 ] && echo "test_stats_cli: all passed"
exit $((fails > 0))
