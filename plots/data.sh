#!/usr/bin/env bash
# The plot layer's only reading: hotpath-stats writes the chart tables
# (RUN/tables/charts/, docs/tables.md); this turns them into gnuplot.
#   data.sh plan CHARTS   the charts to draw, "chart<TAB>script" per line, in
#                         page order; each chart the run cannot have is a
#                         one-line note on stderr
#   data.sh TABLE         a chart table's scalars ("#s"/"#n" lines) as
#                         gnuplot assignments:  load '< bash data.sh TABLE'
set -euo pipefail
if [ "$1" = plan ]; then
  [ -f "$2/plan.tsv" ] || { echo "plots: no chart tables in $2 (run make stats)" >&2; exit 0; }
  awk -F'\t' 'NR > 1 && $3 == "-" { print $1 "\t" $2 }
              NR > 1 && $3 != "-" { print "plots: " $1 " skipped: " $3 > "/dev/stderr" }' "$2/plan.tsv"
  exit 0
fi
awk -F'\t' '$1 == "#n" { print $2 " = " $3 }
            $1 == "#s" { v = $3; gsub(/'\''/, "'\'''\''", v); print $2 " = '\''" v "'\''" }' "$1"
