#!/usr/bin/env bash
# The charts: Makefile.plots renders every chart of the committed sample
# runs into a temporary directory.  tests/data/plots/ holds what
# hotpath-stats wrote for two small real runs on the reference machine (AMD
# EPYC Zen 5): `sample` (5 families, 5 repetitions, compared with a
# baseline run of the same filter, with bench/hyperfine/syscalls.sh under
# HOTPATH_QUICK=1) and `sample-isa` (make bench-isa over base64_encode and
# sum_array at 16384; its Markdown summary left out to keep the data small),
# and `sample-fused` (milestone 2's three designs, iter, fused and manual,
# and sum_array, HOTPATH_QUICK=1, one repetition: the optlevels chart).
# First the chart tables are made again from the run's tables
# (hotpath-stats --charts) and must equal the committed ones.  Then: each
# planned chart exists as a PNG (magic bytes, IHDR 1200x800) and an SVG
# (<svg width="1200" height="800">), neither trivially small; index.html
# shows each one; what each chart plots (gnuplot's `set table` of the same
# script) is exactly the values, intervals, positions and labels of its
# chart table; a second make redraws nothing and a touched table redraws
# only its chart; a run without change or hyperfine tables skips those
# charts with a note instead of failing.
set -uo pipefail
build=$1 src=$2
if ! command -v gnuplot >/dev/null; then
  echo "SKIP: gnuplot is not installed (Debian package gnuplot-nox)"
  exit 77
fi
if grep -qs 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "SKIP: the charts are checked in the plain build"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/tests/data/plots" "$tmp/results"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

plots() { # RUN [make args...]: render into $tmp/out/RUN; output in $tmp/log
  local run=$1
  shift
  make --no-print-directory -f "$src/Makefile.plots" RUN="$run" RESULTS="$tmp/results" \
    OUT="$tmp/out/$run" "$@" >"$tmp/log" 2>&1
}

# A PNG of 1200x800: signature, then the IHDR chunk's width and height.
check_png() {
  local f=$1 head
  head=$(od -An -tx1 -N24 "$f" | tr -d ' \n')
  [ "${head:0:16}" = 89504e470d0a1a0a ] || { bad "$f: not a PNG (${head:0:16})"; return; }
  [ "${head:24:8}" = 49484452 ] || { bad "$f: no IHDR chunk"; return; }
  [ $((16#${head:32:8})) -eq 1200 ] && [ $((16#${head:40:8})) -eq 800 ] ||
    bad "$f: $((16#${head:32:8}))x$((16#${head:40:8})), want 1200x800"
}

check_svg() {
  local f=$1
  head -c 300 "$f" | tr '\n' ' ' | grep -q '<svg *width="1200" height="800"' ||
    bad "$f: no <svg width=\"1200\" height=\"800\">"
  grep -q '</svg>' "$f" || bad "$f: not closed"
}

# What a chart's script plots, against its table.  Each check names a kind
# of plotted curve (by the columns gnuplot's `set table` gives it: boxes
# "x y xlow xhigh", vectors "x y delta_x delta_y", labels "x y label",
# points/lines "x y", boxxyerror "x y xlow xhigh ylow yhigh"), `eq` (the
# plotted points of that kind are exactly the table's rows) or `in` (each
# row is among them), and which table terms (column N, N-M, N+C) each
# plotted column must show.  Numbers agree to 1e-4 (gnuplot prints 6
# significant digits).
checks() {
  case $1 in
  journey) echo 'boxes eq x=1,y=4;vectors eq x=1,y=5,delta_y=6-5;labels eq x=1,y=6,label=7' ;;
  sizes | latency) echo 'points eq x=1,y=2' ;;
  branch | isa) echo 'boxes eq x=1,y=2;vectors eq x=1,y=3,delta_y=4-3;labels eq x=1,y=4,label=6' ;;
  optlevels) echo 'boxes eq x=1,y=2;vectors eq x=1,y=3,delta_y=4-3' ;;
  distributions) echo 'points in x=1,y=2;points in x=1+0.33,y=2' ;;
  change) echo 'boxxy eq y=1,xhigh=2;vectors eq x=3,y=1,delta_x=4-3' ;;
  hyperfine) echo 'boxxy eq y=1,xhigh=2;vectors eq x=3,y=1,delta_x=4-3;labels eq x=4,y=1,label=7' ;;
  esac
}

compare_values() { # TSV PLOTTED CHECKS
  awk -v checks="$3" '
    function term(t,   a) {
      if (t ~ /^[0-9]+-[0-9]+$/) { split(t, a, "-"); return f[a[1]] - f[a[2]] }
      if (t ~ /^[0-9]+\+[0-9.]+$/) { split(t, a, "+"); return f[a[1]] + a[2] }
      return f[t]
    }
    function isnum(v) { return v ~ /^ *-?[0-9.]+([eE][-+]?[0-9]+)? *$/ }
    # Equal as gnuplot prints them (about 6 significant digits).
    function same(a, b,   d, m) {
      if (!isnum(a) || !isnum(b)) return a == b
      d = a - b; if (d < 0) d = -d
      m = a < 0 ? -a : a; if ((b < 0 ? -b : b) > m) m = b < 0 ? -b : b
      return d <= 1e-4 * m + 1e-9
    }
    function match_row(i, w, g,   j) {
      for (j = 1; j <= nt[i]; j++) if (!same(want[i, w, j], got[i, g, j])) return 0
      return 1
    }
    function show(i, w, src,   j, s) {
      for (j = 1; j <= nt[i]; j++) s = s (j > 1 ? " " : "") col[i, j] "=" (src ? want[i, w, j] : got[i, w, j])
      return s
    }
    BEGIN {
      nc = split(checks, c, ";")
      for (i = 1; i <= nc; i++) {
        split(c[i], p, " "); kind[i] = p[1]; mode[i] = p[2]
        nt[i] = split(p[3], t, ",")
        for (j = 1; j <= nt[i]; j++) { split(t[j], q, "="); col[i, j] = q[1]; tt[i, j] = q[2] }
      }
      hdr = 1
    }
    FILENAME == ARGV[1] {
      if ($0 ~ /^#/) next
      if ($0 == "") { hdr = 1; next }
      if (hdr) { hdr = 0; next }
      rows++
      split($0, f, "\t")
      for (i = 1; i <= nc; i++) {
        nw[i]++
        for (j = 1; j <= nt[i]; j++) want[i, nw[i], j] = term(tt[i, j])
      }
      next
    }
    /^# x y/ {
      h = $0; sub(/^# /, "", h); gsub(/ (color|type)/, "", h); gsub(/  +/, " ", h); sub(/ +$/, "", h)
      cur = h == "x y xlow xhigh" ? "boxes" : h == "x y delta_x delta_y" ? "vectors" : \
            h == "x y label" ? "labels" : h == "x y" ? "points" : \
            h == "x y xlow xhigh ylow yhigh" ? "boxxy" : "other"
      split(h, names, " "); split("", idx); for (j in names) idx[names[j]] = j
      next
    }
    /^#/ || /^$/ { next }
    {
      label = ""
      if (cur == "labels") { label = $0; sub(/^[^"]*"/, "", label); sub(/"[^"]*$/, "", label) }
      else if ($NF == "u") next
      split($0, g, " ")
      for (i = 1; i <= nc; i++) {
        if (kind[i] != cur) continue
        ng[i]++
        for (j = 1; j <= nt[i]; j++) got[i, ng[i], j] = col[i, j] == "label" ? label : g[idx[col[i, j]]]
      }
    }
    END {
      if (rows == 0) { print "no rows in the table"; exit 1 }
      for (i = 1; i <= nc; i++) {
        split("", used)
        for (w = 1; w <= nw[i]; w++) {
          for (g2 = 1; g2 <= ng[i]; g2++)
            if (!(g2 in used) && match_row(i, w, g2)) break
          if (g2 > ng[i]) { printf "%s: table row %s is not drawn\n", c[i], show(i, w, 1); bad = 1 }
          else used[g2] = 1
        }
        if (mode[i] == "eq")
          for (g2 = 1; g2 <= ng[i]; g2++)
            if (!(g2 in used)) { printf "%s: drawn %s, not in the table\n", c[i], show(i, g2, 0); bad = 1 }
      }
      exit bad
    }' "$1" "$2"
}

check_run() { # RUN CHART...: render RUN, expect at least the charts named
  local run=$1 c f planned script tables
  tables=$tmp/results/$run/tables
  shift
  # The committed chart tables are what hotpath-stats makes of the tables.
  mv "$tables/charts" "$tmp/committed-charts"
  "$build/hotpath-stats" --charts "$tables" >/dev/null 2>"$tmp/err" || bad "$run: --charts: $(cat "$tmp/err")"
  diff -r "$tmp/committed-charts" "$tables/charts" >"$tmp/diff" ||
    bad "$run: chart tables differ from hotpath-stats --charts: $(head -5 "$tmp/diff")"
  rm -rf "$tmp/committed-charts"
  plots "$run" || { bad "$run: make failed"; cat "$tmp/log"; return; }
  planned=$(bash "$src/plots/data.sh" plan "$tables/charts" 2>/dev/null)
  for c in "$@"; do
    cut -f1 <<<"$planned" | grep -qx -- "$c" || bad "$run: chart $c not planned"
  done
  while IFS=$'\t' read -r c script; do
    f=$tmp/out/$run/$c
    [ -s "$f.png" ] && [ -s "$f.svg" ] || { bad "$run: $c.png/.svg missing"; continue; }
    check_png "$f.png"
    check_svg "$f.svg"
    # Axes and titles alone make about 13 KB of PNG and 10 KB of SVG; the
    # smallest real chart (one bar) about 29 KB and 14 KB.
    [ "$(stat -c %s "$f.png")" -gt 20000 ] || bad "$f.png: $(stat -c %s "$f.png") bytes, trivially small"
    [ "$(stat -c %s "$f.svg")" -gt 12000 ] || bad "$f.svg: $(stat -c %s "$f.svg") bytes, trivially small"
    grep -q "<img src=\"$c.svg\"" "$tmp/out/$run/index.html" || bad "$run: index.html lacks $c"
    gnuplot -e "table='$tables/charts/$c.tsv'; out='$tmp/x'; plots='$src/plots'; tableout='$tmp/plotted'" \
      "$src/plots/$script.gp" 2>"$tmp/err" || bad "$run: $c: gnuplot set table: $(cat "$tmp/err")"
    compare_values "$tables/charts/$c.tsv" "$tmp/plotted" "$(checks "$script")" >"$tmp/cmp" ||
      bad "$run: $c plots other values than its table: $(head -3 "$tmp/cmp")"
  done <<<"$planned"
  if [ -f "$tmp/results/$run.md" ]; then
    grep -q '<pre>' "$tmp/out/$run/index.html" && grep -q '# hotpath results' "$tmp/out/$run/index.html" ||
      bad "$run: index.html lacks the Markdown summary"
  else
    grep -q 'No summary' "$tmp/out/$run/index.html" || bad "$run: index.html does not say the summary is missing"
  fi
  ! grep -qE 'src="https?:|href="https?:' "$tmp/out/$run/index.html" || bad "$run: index.html uses the network"
  echo "$run: $(wc -l <<<"$planned") charts checked, drawn values equal to their tables"
}

# The journey bars are the family table's throughput: for each chart of a
# family counted in bytes, every bar (label, value, lo, hi) is the row of
# its variant at the chart's size (first cap) in <family>.tsv, thrpt with
# its interval, and every non-limit row at that size has its bar.
check_journey_source() { # TABLES
  local t=$1 c fam
  for c in "$t"/charts/journey-*.tsv; do
    fam=${c##*/journey-} fam=${fam%.tsv}
    grep -q $'^#s\tunit\tGB/s$' "$c" || continue
    awk -F'\t' 'FNR == 1 { file++ }
      file == 1 && $2 == "sizedesc" { split($3, w, " "); size = w[2] }
      file == 1 && $1 !~ /^#/ && FNR > 1 && !hdr++ { next }
      file == 1 && $1 !~ /^#/ { bar[$2] = $4 "|" $5 "|" $6; nbar++ }
      file == 2 && FNR == 1 { for (i = 1; i <= NF; i++) C[$i] = i; next }
      file == 2 && cap == "" { cap = $C["cap"] }
      file == 2 && $C["cap"] == cap && $C["size"] == size && $C["stage"] != "limit" {
        l = $C["variant"] ($C["extra"] != "-" ? " " $C["extra"] : "")
        want = sprintf("%.6g|%.6g|%.6g", $C["thrpt"], $C["thrpt_lo"], $C["thrpt_hi"])
        if (bar[l] != want) { print l ": bar " bar[l] ", table " want; bad = 1 }
        n++
      }
      END { if (n == 0 || n != nbar) { print "bars " nbar ", rows " n " at size " size; bad = 1 }; exit bad }' \
      "$c" "$t/$fam.tsv" >"$tmp/src" || bad "$c: bars are not $fam.tsv's throughput: $(head -3 "$tmp/src")"
  done
}
check_journey_source "$tmp/results/sample/tables"

check_run sample journey-base64_encode sizes-base64_encode optlevels distributions change hyperfine \
  latency branch
check_run sample-isa isa
check_run sample-fused optlevels

# Nothing stale: a second make draws nothing; a touched table redraws its
# chart, and only it.
plots sample
grep -q '^plot ' "$tmp/log" && bad "second make redrew: $(grep '^plot ' "$tmp/log" | tr '\n' ' ')"
touch "$tmp/results/sample/tables/charts/journey-base64_encode.tsv"
plots sample
redrawn=$(grep '^plot ' "$tmp/log" | sed 's|.*/||; s|\.{svg,png}||' | sort | tr '\n' ' ')
[ "$redrawn" = "journey-base64_encode " ] || bad "touching journey-base64_encode.tsv redrew: '$redrawn'"

# Absent data: skipped with a note, not an error.
rm "$tmp/results/sample/tables/change.tsv" "$tmp/results/sample/tables/hyperfine.tsv"
"$build/hotpath-stats" --charts "$tmp/results/sample/tables" 2>/dev/null || bad "--charts without change/hyperfine"
[ ! -e "$tmp/results/sample/tables/charts/change.tsv" ] || bad "a change chart table without change.tsv"
rm -rf "$tmp/out/sample"
plots sample || bad "make failed without change.tsv/hyperfine.tsv: $(cat "$tmp/log")"
grep -q 'change skipped' "$tmp/log" && grep -q 'hyperfine skipped' "$tmp/log" ||
  bad "no note for the skipped charts: $(cat "$tmp/log")"
[ ! -e "$tmp/out/sample/change.png" ] || bad "change.png drawn without change.tsv"

# A run without chart tables (written by an older hotpath-stats): make says
# how to make them.
rm -rf "$tmp/results/sample/tables/charts"
plots sample && bad "make drew a run without chart tables"
grep -q 'no chart tables in .*hotpath-stats --charts' "$tmp/log" || bad "no hint without chart tables: $(cat "$tmp/log")"

[ $fail -eq 0 ] && echo "PASS"
exit $fail
