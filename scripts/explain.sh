#!/usr/bin/env bash
# One page on one hot loop (docs/explain.md):
#   explain.sh BUILD family/variant [SIZE] [RESULTS]
# the source, the hot loop's assembly, llvm-mca's summary and bottleneck
# (scripts/mca.sh), the measured CPU time per call (hotpath-run) turned into
# cycles with the core clock measured now (hotpath-clock), the cache level
# of the working set, the fraction of the binding ceiling (from the newest
# run's roofline, when it has one), and cachegrind counts (or perf stat
# where counters exist: scripts/perf.sh).  Printed, and written as
# Markdown to RESULTS/explain/<family>-<variant>-<size>.md.
set -euo pipefail
build=$1 kernel=$2 size=${3:-} results=${4:-results}
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "make explain: $*" >&2; exit 2; }
[[ $kernel == */* ]] || die "give KERNEL=family/variant (make explain KERNEL=base64_encode/avx2 [SIZE=n]); variants: $build/hotpath-run --list"
family=${kernel%%/*} variant=${kernel#*/}
sym=hp_${family}_${variant}

# hotpath-run checks the variant against its reference and times it; its
# messages say what is wrong with an unknown or unrunnable name.
run_out=$("$build/hotpath-run" "$kernel" ${size:+--size "$size"} --seconds 0.3 2>&1) ||
  die "$(tail -3 <<<"$run_out")"
input=$(sed -n 's/^input: *//p' <<<"$run_out")
units=$(awk '{print $1}' <<<"$input"); unit=$(awk '{sub(/,$/, "", $2); print $2}' <<<"$input")
touched=$(sed -n 's/.*, \([0-9]*\) bytes per call.*/\1/p' <<<"$input")
wall_ns=$(sed -n 's/.* \([0-9.]*\) ns per call.*/\1/p' <<<"$run_out")

# Wall time counts the time other processes had the core (on a shared
# machine, most of it): the time per call is the CPU time of a run of N+1
# calls minus that of a 1-call run (start-up and input preparation cancel),
# the best of three, with N calls worth about 0.4 s.
cpu_s() { # calls -> user+sys seconds of one hotpath-run
  local TIMEFORMAT='%3U %3S' t
  t=$( { time "$build/hotpath-run" "$kernel" ${size:+--size "$size"} --iterations "$1" --no-check --quiet >/dev/null; } 2>&1 )
  awk '{print $1 + $2}' <<<"$t"
}
calls=$(awk -v w="$wall_ns" 'BEGIN { n = int(0.4e9 / (w > 0 ? w : 1)); print n < 10 ? 10 : n }')
ns=
for _ in 1 2 3; do
  one=$(cpu_s 1); many=$(cpu_s $((calls + 1)))
  ns=$(awk -v a="$one" -v b="$many" -v n="$calls" -v best="$ns" 'BEGIN {
    x = (b - a) * 1e9 / n; if (best == "" || (x > 0 && x < best)) best = x; printf "%.2f", best }')
done
read -r ghz tsc < <("$build/hotpath-clock" 50 | awk '{v[$1] = $2} END {print v["core_ghz"], v["tsc_ghz"]}')

out_dir=$results/explain
mkdir -p "$out_dir"
page=$out_dir/${family}-${variant}-${units}.md
tmp=$page.tmp.$$
trap 'rm -f "$tmp"' EXIT

{
echo "# $kernel at $units $unit"
echo
echo "CPU: $("$build/hotpath-cpu" | sed -n 's/^cpu: *//p'); $("$build/hotpath-cpu" | sed -n 's/^caches: *//p')"
echo
echo "## Source"
# Kernels live in libhotpath.a; the peers' wrappers (library, limit) in
# libhotpath_gate.a (bench/peers).
lib=
for l in "$build/libhotpath.a" "$build/libhotpath_gate.a"; do
  src=$(nm -l --defined-only "$l" 2>/dev/null | awk -v s="$sym" '$3 == s && !f++ {print $4}')
  [ -n "$src" ] && { lib=$l; break; }
done
if [ -z "$lib" ]; then
  lib=$build/libhotpath.a
  echo "$sym is in neither libhotpath.a nor libhotpath_gate.a: no source line, no loop to analyse."
else
  echo "\`${src#"$(cd "$here/.." && pwd)/"}\` (from the symbol's debug information)"
fi
echo
echo "## Hot loop and llvm-mca"
echo '```'
mca=
if grep -q '(stage library)' <<<"$run_out"; then
  echo "$sym wraps a peer library: the loop that does the work is inside the library, outside this build (not analysed)."
elif mca=$(bash "$here/mca.sh" report "$lib" "$sym" 2>&1); then
  grep -v '^mca_' <<<"$mca"
else
  echo "$mca"
fi
echo '```'
key() { sed -n "s/^$1: //p" <<<"$mca"; }
echo
echo "## Measured"
cycles=$(awk -v n="$ns" -v g="$ghz" 'BEGIN { printf "%.1f", n * g }')
echo "- $ns ns per call of CPU time (hotpath-run, $calls calls, best of 3; wall clock: $wall_ns ns, the difference is time the core ran other processes)"
echo "- core clock $ghz GHz measured now (TSC $tsc GHz: the TSC is not the core clock); $cycles cycles per call,"\
     "$(awk -v c="$cycles" -v u="$units" -v t="$touched" -v un="${unit%s}" 'BEGIN { printf "%.4f cycles per %s, %.4f per byte touched", c / u, un, (t > 0 ? c / t : 0) }')"
adv=$(key mca_first_load_advance_bytes); cpi=$(key mca_cycles_per_iter)
if [ -n "$cpi" ]; then
  echo "- llvm-mca ($(key mca_model)): $cpi cycles per iteration; the loop's first load advances ${adv:--} bytes per iteration;"\
       "bottleneck: $(key mca_bottleneck)"
  upi=$(bash "$here/mca.sh" units "$family" "$lib" "$sym" 2>/dev/null || echo -)
  if [ "${upi:--}" != - ] && [ "$upi" -gt 0 ] 2>/dev/null; then
    awk -v c="$cpi" -v a="$upi" -v m="$cycles" -v u="$units" -v un="${unit%s}" 'BEGIN {
      p = c / a; q = m / u
      printf "- predicted %.4f cycles per %s (%s per iteration), measured %.4f: measured/predicted %.2f%s\n", p, un, a, q, q / p,
        u < 4 * a ? " (the size is under four iterations of the loop: the time is mostly the code around it; give a larger SIZE)" :
        (q / p > 1.2 || q / p < 0.8) ? " (more than 20% apart: docs/explain.md lists the usual reasons)" : "" }'
  else
    echo "- no prediction per ${unit%s}: the loop's work per iteration was not found (no constant advance of its first load)"
  fi
fi
echo
echo "## Working set"
read -r l1 l2 l3 < <("$build/hotpath-cpu" | sed -n 's/^caches: *L1d \([0-9]*\) KiB, L2 \([0-9]*\) KiB, L3 \([0-9]*\) KiB.*/\1 \2 \3/p')
level=$(awk -v t="$touched" -v a="$l1" -v b="$l2" -v c="$l3" 'BEGIN {
  if (!(t > 0)) print "none (no memory touched)"; else if (t <= a * 1024) print "L1"; else if (t <= b * 1024) print "L2";
  else if (t <= c * 1024) print "L3"; else print "DRAM" }')
echo "- $touched bytes touched per call: $level (L1d $l1 KiB, L2 $l2 KiB, L3 $l3 KiB, detected)"
latest=$(cat "$results/latest" 2>/dev/null || true)
rf=$results/$latest/explain/roofline.tsv
if [ -n "$latest" ] && [ -f "$rf" ]; then
  row=$(awk -F'\t' -v n="$kernel/$units" '$1 == n' "$rf")
  if [ -n "$row" ]; then
    echo "- in run $latest: $(awk -F'\t' '{printf "%.1f%% of its binding ceiling (%s); memory: %s of %s GB/s; compute: %s of its peak", 100 * $14, $13, $7, $8, $12}' <<<"$row")"
  else
    echo "- run $latest has no $kernel/$units benchmark: no fraction of a ceiling (make bench measures the ceilings; SIZE must be one of the family's benchmark sizes)"
  fi
else
  echo "- no run with ceilings yet ($rf): make bench (or make roofline RUN=...) first for the fraction of the binding ceiling"
fi
echo
echo "## Counters"
echo '```'
if perf stat -e instructions true >/dev/null 2>&1 && ! perf stat -e instructions true 2>&1 | grep -q 'not supported'; then
  echo "perf stat (hardware counters):"
else
  echo "No hardware counters here (perf stat -e instructions: not supported); cachegrind's simulated counts instead."
fi
if grep -q '%zmm\|%k[0-7]' <<<"$mca"; then
  echo "cachegrind: skipped: the loop uses AVX-512 (zmm or mask registers), which valgrind 3.19 cannot execute."
else
  bash "$here/perf.sh" "$build" stat "$kernel" "$units" "$results" 2>&1 | grep -v '^perf: hardware counters not supported' || true
fi
echo '```'
} > "$tmp"
mv "$tmp" "$page"
trap - EXIT
cat "$page"
echo
echo "explain: $page"
