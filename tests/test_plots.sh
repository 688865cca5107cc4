#!/usr/bin/env bash
# The charts: Makefile.plots renders every chart of the committed sample
# runs into a temporary directory.  tests/data/plots/ holds what
# hotpath-stats wrote for two small real runs on the reference machine (AMD
# EPYC Zen 5): `sample` (5 families, 5 repetitions, compared with a
# baseline run of the same filter, with bench/hyperfine/syscalls.sh under
# HOTPATH_QUICK=1) and `sample-isa` (make bench-isa over base64_encode and
# sum_array at 16384; its Markdown summary left out to keep the data small).  Checks that each
# planned chart exists as a PNG (magic bytes, IHDR 1200x800) and an SVG
# (<svg width="1200" height="800">), that neither is trivially small, that
# index.html shows each one, that a second make redraws nothing and that a
# touched table redraws only its charts, and that a run without change or
# hyperfine tables skips those charts with a note instead of failing.
set -uo pipefail
src=$2
if ! command -v gnuplot >/dev/null; then
  echo "SKIP: gnuplot is not installed (Debian package gnuplot-nox)"
  exit 77
fi
if grep -qs 'HOTPATH_SANITIZE:BOOL=ON' "$1/CMakeCache.txt"; then
  echo "SKIP: the charts use no compiled code; checked in the plain build"
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

check_run() { # RUN CHART...: render RUN, expect at least the charts named
  local run=$1 c f planned
  shift
  plots "$run" || { bad "$run: make failed"; cat "$tmp/log"; return; }
  planned=$(bash "$src/plots/data.sh" plan "$tmp/results/$run/tables" 2>/dev/null | cut -f1)
  for c in "$@"; do
    grep -qx -- "$c" <<<"$planned" || bad "$run: chart $c not planned"
  done
  for c in $planned; do
    f=$tmp/out/$run/$c
    [ -s "$f.png" ] && [ -s "$f.svg" ] || { bad "$run: $c.png/.svg missing"; continue; }
    check_png "$f.png"
    check_svg "$f.svg"
    # Axes and titles alone make about 13 KB of PNG and 10 KB of SVG; the
    # smallest real chart (one bar) about 29 KB and 14 KB.
    [ "$(stat -c %s "$f.png")" -gt 20000 ] || bad "$f.png: $(stat -c %s "$f.png") bytes, trivially small"
    [ "$(stat -c %s "$f.svg")" -gt 12000 ] || bad "$f.svg: $(stat -c %s "$f.svg") bytes, trivially small"
    grep -q "<img src=\"$c.svg\"" "$tmp/out/$run/index.html" || bad "$run: index.html lacks $c"
  done
  if [ -f "$tmp/results/$run.md" ]; then
    grep -q '<pre>' "$tmp/out/$run/index.html" && grep -q '# hotpath results' "$tmp/out/$run/index.html" ||
      bad "$run: index.html lacks the Markdown summary"
  else
    grep -q 'No summary' "$tmp/out/$run/index.html" || bad "$run: index.html does not say the summary is missing"
  fi
  ! grep -qE 'src="https?:|href="https?:' "$tmp/out/$run/index.html" || bad "$run: index.html uses the network"
  echo "$run: $(wc -w <<<"$planned") charts checked"
}

check_run sample journey-base64_encode sizes-base64_encode optlevels distributions change hyperfine \
  latency branch
check_run sample-isa isa

# Nothing stale: a second make draws nothing; a touched table redraws the
# charts that read it, and only those.
plots sample
grep -q '^plot ' "$tmp/log" && bad "second make redrew: $(grep '^plot ' "$tmp/log" | tr '\n' ' ')"
touch "$tmp/results/sample/tables/base64_encode.tsv"
plots sample
redrawn=$(grep '^plot ' "$tmp/log" | sed 's|.*/||; s|\.{svg,png}||' | sort | tr '\n' ' ')
[ "$redrawn" = "distributions journey-base64_encode sizes-base64_encode " ] ||
  bad "touching base64_encode.tsv redrew: '$redrawn'"

# Absent data: skipped with a note, not an error.
rm "$tmp/results/sample/tables/change.tsv" "$tmp/results/sample/tables/hyperfine.tsv"
rm -rf "$tmp/out/sample"
plots sample || bad "make failed without change.tsv/hyperfine.tsv: $(cat "$tmp/log")"
grep -q 'change skipped' "$tmp/log" && grep -q 'hyperfine skipped' "$tmp/log" ||
  bad "no note for the skipped charts: $(cat "$tmp/log")"
[ ! -e "$tmp/out/sample/change.png" ] || bad "change.png drawn without change.tsv"

[ $fail -eq 0 ] && echo "PASS"
exit $fail
