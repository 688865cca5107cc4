#!/usr/bin/env bash
# The data of one chart, as gnuplot code: the run's context (machine, date,
# caches), datablocks and the few numbers a script needs (unit, size, ...).
# A chart script reads it with  load "< bash data.sh CHART TABLES [ARG]".
#   data.sh plan TABLES   the charts the tables allow, one per line:
#                         "chart<TAB>script<TAB>arg<TAB>tables it reads";
#                         a chart without data is a one-line note on stderr
# TABLES is a run's tables/ directory (hotpath-stats; columns in docs/statistics.md,
# "Files and the TSV contract").  Everything here is POSIX awk (Debian's mawk).
set -euo pipefail
chart=$1 tables=$2 arg=${3:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The run's family tables (every table but the run-wide ones).
families() {
  local f
  for f in "$tables"/*.tsv; do
    f=${f##*/} f=${f%.tsv}
    case $f in samples | context | change | hyperfine | skipped | paired | detection_limit) ;;
      *) echo "$f" ;; esac
  done
}

run_awk() { # PROGRAM FILE... (context.tsv is always read first)
  local prog=$1
  shift
  awk -F'\t' -v mode="$chart" -f "$here/awk/lib.awk" -f "$here/awk/$prog.awk" "$tables/context.tsv" "$@"
}

case $chart in
plan)
  [ -f "$tables/context.tsv" ] || { echo "plots: no tables in $tables (run make stats)" >&2; exit 0; }
  caps=$(awk -F'\t' '$1 == "hp_isa_cap" { print $2 }' "$tables/context.tsv")
  mapfile -t fams < <(families)
  if [[ $caps == *,* ]]; then # several caps: an ISA sweep
    echo -e "isa\tisa\t-\t$(printf '%s.tsv ' "${fams[@]}")"
    exit 0
  fi
  # A family gets a journey, and a sizes chart when it has several sizes;
  # milestone 2's pairs (extra -O0..-Os) go to optlevels instead, milestone
  # 7's pointer_chase and branch_sum to their own charts.
  olev=()
  for f in "${fams[@]}"; do
    kind=$(awk -F'\t' 'NR > 1 { if ($6 ~ /^O[0-3s]$/) o = 1; s[$5] = 1 }
      END { n = 0; for (k in s) n++; print (o ? "O" : "-") " " n }' "$tables/$f.tsv")
    case $f in # milestone 7's own charts instead of a journey
    pointer_chase) echo -e "latency\tlatency\t$f\t$f.tsv"; continue ;;
    branch_sum) echo -e "branch\tbranch\t$f\t$f.tsv"; echo -e "sizes-$f\tsizes\t$f\t$f.tsv"; continue ;;
    esac
    if [ "${kind% *}" = O ]; then
      olev+=("$f")
      continue
    fi
    if [ "$f" = sum_array ]; then olev=("$f" "${olev[@]}"); fi
    echo -e "journey-$f\tjourney\t$f\t$f.tsv"
    if [ "${kind#* }" -ge 2 ]; then echo -e "sizes-$f\tsizes\t$f\t$f.tsv"; fi
  done
  if [ ${#olev[@]} -gt 0 ]; then
    echo -e "optlevels\toptlevels\t$(IFS=,; echo "${olev[*]}")\t$(printf '%s.tsv ' "${olev[@]}")"
  else
    echo "plots: optlevels skipped: no -O0..-O3 benchmarks in this run" >&2
  fi
  if [ -n "$(cd "$tables" && awk -F'\t' 'FNR > 1 && $8 + 0 >= 5 { print; exit }' "${fams[@]/%/.tsv}")" ]; then
    echo -e "distributions\tdistributions\t-\tsamples.tsv $(printf '%s.tsv ' "${fams[@]}")"
  else
    echo "plots: distributions skipped: fewer than 5 repetitions per benchmark (REPS)" >&2
  fi
  if [ -f "$tables/change.tsv" ]; then
    echo -e "change\tchange\t-\tchange.tsv"
  else
    echo "plots: change skipped: no baseline compared (make bench BASELINE=name)" >&2
  fi
  if [ -f "$tables/hyperfine.tsv" ]; then
    echo -e "hyperfine\thyperfine\t-\thyperfine.tsv"
  else
    echo "plots: hyperfine skipped: no hyperfine results in this run" >&2
  fi
  if [ ! -f "$tables/pointer_chase.tsv" ]; then echo "plots: latency skipped: no pointer_chase results" >&2; fi
  if [ ! -f "$tables/branch_sum.tsv" ]; then echo "plots: branch skipped: no branch_sum results" >&2; fi
  ;;
journey | sizes | latency | branch)
  run_awk "$([ "$chart" = latency ] && echo sizes || echo "$chart")" "$tables/$arg.tsv"
  ;;
optlevels)
  files=()
  IFS=, read -ra fs <<<"$arg"
  for f in "${fs[@]}"; do files+=("$tables/$f.tsv"); done
  run_awk optlevels "${files[@]}"
  ;;
isa)
  files=()
  for f in $(families); do files+=("$tables/$f.tsv"); done
  run_awk isa "${files[@]}"
  ;;
distributions)
  files=()
  for f in $(families); do files+=("$tables/$f.tsv"); done
  run_awk distributions "${files[@]}" "$tables/samples.tsv"
  ;;
change | hyperfine)
  run_awk "$chart" "$tables/$chart.tsv"
  ;;
*)
  echo "data.sh: unknown chart '$chart'" >&2
  exit 2
  ;;
esac
