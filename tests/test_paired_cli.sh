#!/bin/bash
# Paired comparisons end to end: hotpath-bench writes each comparison's
# rounds (hp_paired) under the benchmark name pair/<family>/<A>:<B>/<size>,
# records its process and buffer offset; hotpath-stats joins the processes
# (--replicate), keeps pair/ rows out of the per-benchmark tables, prints
# the detection-limit block and writes paired.tsv and detection_limit.tsv; bad
# replicate files get a one-line error.  Not a timing test: what is asserted
# is structure, never a speed.
# Usage: test_paired_cli.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
BENCH=$BUILD/hotpath-bench
STATS=$BUILD/hotpath-stats
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

# Few short rounds: this checks plumbing, the statistics have test_paired.
fast=(--hp_pair_rounds=8 --hp_pair_round_ms=0.2)
filter='--benchmark_filter=^(sum_array/auto/16|pair/calibration/chain:chain(105)?/4000)$'
"$BENCH" "${fast[@]}" "$filter" --hp_calibrate_repeats=1 --hp_process=1 --hp_offset=0 \
  --hp_out="$T/run.json" >"$T/out1" 2>&1 || { bad "process 1 failed"; cat "$T/out1"; }
"$BENCH" "${fast[@]}" "$filter" --hp_paired_only --hp_calibrate_repeats=1 --hp_process=2 \
  --hp_offset=24 --hp_out="$T/run-proc2.json" >"$T/out2" 2>&1 ||
  { bad "process 2 failed"; cat "$T/out2"; }

names=$(grep -o '"name": "[^"]*"' "$T/run.json" | sort -u | tr '\n' ' ')
for n in sum_array/auto/16 pair/calibration/chain:chain/4000 \
         pair/calibration/chain:chain105/4000; do
  [[ $names == *"\"$n\""* ]] && ok "process 1 has $n" || bad "process 1 lacks $n: $names"
done
grep -q 'iterations:1\|manual_time' "$T/run.json" &&
  bad "Google Benchmark's settings leak into a pair name" || ok "pair names carry no settings tail"
grep -q '"sum_array/auto/16"' "$T/run-proc2.json" &&
  bad "--hp_paired_only ran a plain benchmark" || ok "--hp_paired_only runs comparisons only"
grep -q '"hp_offset": "24"' "$T/run-proc2.json" && grep -q '"offset": 24' "$T/run-proc2.json" &&
  ok "process 2's offset is in its context and its rounds" || bad "offset 24 not recorded"
grep -q '"process": 2' "$T/run-proc2.json" && ok "process number recorded" ||
  bad "process 2 not recorded"

out=$("$STATS" --results-dir "$T" --resamples 2000 "$T/run.json" --replicate "$T/run-proc2.json" \
  2>&1)
rc=$?
[ $rc -eq 0 ] && ok "hotpath-stats reads both processes" || { bad "hotpath-stats exit $rc"; echo "$out"; }
grep -q 'Detection limit.*2 process(es)' <<<"$out" && ok "detection limit over 2 processes" ||
  { bad "no detection-limit block over 2 processes"; echo "$out"; }
grep -qE '^  pair/calibration/chain:chain105/4000 +[0-9.]+ \[[0-9.]+ [0-9.]+\].* 16 rounds' \
  <<<"$out" && ok "a comparison's 16 rounds (2 processes x 8)" || { bad "rounds not joined"; echo "$out"; }
grep -qE '^  pair/calibration/chain:chain105/4000 .* rounds  q = [0-9.e-]+' <<<"$out" &&
  grep -qE '^Paired: [0-9]+ of [0-9]+ comparisons significant at a false discovery rate of 5%' \
    <<<"$out" && ok "q per comparison and the false discovery rate line" ||
  { bad "no q or no false discovery rate line for the paired comparisons"; echo "$out"; }
[ -s "$T/run/tables/paired.tsv" ] && [ -s "$T/run/tables/detection_limit.tsv" ] &&
  ok "paired.tsv and detection_limit.tsv written" || bad "paired tables missing"
grep -q '^## Detection limit' "$T/run.md" && grep -q '^## Paired comparisons' "$T/run.md" &&
  ok "the Markdown summary has the comparisons and the detection limit" ||
  bad "Markdown summary lacks the paired sections"
grep -q '^pair/' "$T/run/tables/samples.tsv" 2>/dev/null &&
  bad "pair/ rows in samples.tsv" || ok "pair/ rows stay out of the per-benchmark tables"
[ "$(awk -F'\t' 'NR > 1 && $1 == "pair/calibration/chain:chain/4000" { print $6 }' \
  "$T/run/tables/paired.tsv")" = 2 ] && ok "paired.tsv counts 2 processes" ||
  bad "paired.tsv process count"

# Bad replicates: one line, exit 1, nothing else.
expect_err() {
  local what=$1 pattern=$2
  shift 2
  local o rc
  o=$("$STATS" --results-dir "$T" "$T/run.json" "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 1 ] && grep -qE -- "$pattern" <<<"$o"; then ok "$what"; else
    bad "$what (exit $rc): $o"; fi
}
expect_err "the same process twice is refused" 'already read' --replicate "$T/run.json"
printf '{"benchmarks": []}' >"$T/plain.json"
expect_err "a replicate without rounds is refused" 'no hp_paired' --replicate "$T/plain.json"
sed 's/"ratio": \[[0-9.]*/"ratio": [-1/' "$T/run-proc2.json" >"$T/neg.json"
expect_err "a negative ratio is refused" 'expected a positive number' --replicate "$T/neg.json"

exit $fail
