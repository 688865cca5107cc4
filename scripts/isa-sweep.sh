#!/usr/bin/env bash
# make bench-isa: the suite once per ISA cap this CPU supports, into one
# comparable result set, then hotpath-stats over all of it together (its
# tables then hold one row per benchmark per cap: the `cap` column).
#   isa-sweep.sh BUILD RESULTS RUN [hotpath-bench flags...]
# Writes RESULTS/RUN/<cap>.json (one per cap), RESULTS/RUN.json (a link to
# the first: hotpath-stats names a run's outputs after its first file),
# RESULTS/RUN.md, RESULTS/RUN/tables/ and RESULTS/RUN.txt (the summary).
# Environment: ISA_CAPS (default "scalar sse2 ssse3 avx2 avx512"; v1..v4
# are accepted too), REPS (default 3), MIN_TIME (default 0.02 s).
set -euo pipefail
build=$1 results=$2 run=$3
shift 3
caps=${ISA_CAPS:-scalar sse2 ssse3 avx2 avx512}
dir=$results/$run
mkdir -p "$dir"

# A cap that offers nothing beyond the previous one (avx512 on a CPU
# without AVX-512) would only measure the same code twice: skipped.
files=() prev_offer='' prev_cap=''
for cap in $caps; do
  offer=$(HOTPATH_ISA=$cap "$build/hotpath-cpu" | sed -n 's/^offered: *//p')
  if [ -n "$prev_cap" ] && [ "$offer" = "$prev_offer" ]; then
    echo "bench-isa: $cap offers nothing beyond $prev_cap on this CPU: skipped"
    continue
  fi
  echo "== bench-isa: HOTPATH_ISA=$cap (offers: ${offer:-no vector extension})"
  HOTPATH_ISA=$cap "$build/hotpath-bench" --hp_out="$dir/$cap.json" \
    --benchmark_repetitions="${REPS:-3}" --benchmark_enable_random_interleaving=true \
    --benchmark_min_time="${MIN_TIME:-0.02}" "$@" >"$dir/$cap.log" 2>&1 ||
    { tail -20 "$dir/$cap.log" >&2; exit 1; }
  files+=("$dir/$cap.json") prev_offer=$offer prev_cap=$cap
done
[ ${#files[@]} -gt 0 ] || { echo "bench-isa: no cap to run" >&2; exit 1; }

ln -sfn "$run/${files[0]##*/}" "$results/$run.json"
"$build/hotpath-stats" --results-dir "$results" "$results/$run.json" "${files[@]:1}" >"$results/$run.txt"
echo "bench-isa: ${#files[@]} caps; summary in $results/$run.txt and $results/$run.md"
