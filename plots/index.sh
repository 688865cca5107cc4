#!/usr/bin/env bash
# index.html of a run's charts: every chart (SVG, linking the PNG) under
# its title, then the run's Markdown summary.  No network assets.
#   index.sh OUT RUN SUMMARY.md CHART...
set -euo pipefail
out=$1 run=$2 md=$3
shift 3

esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# Journeys first, then sizes, then the rest in the plan's order.
charts=()
for pass in journey- sizes- other; do
  for c in "$@"; do
    case $pass:$c in journey-:journey-* | sizes-:sizes-*) charts+=("$c") ;; other:journey-* | other:sizes-*) ;;
    other:*) charts+=("$c") ;; esac
  done
done

tmp=$out/index.html.tmp.$$
{
  cat <<HEAD
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>hotpath: $(echo "$run" | esc)</title>
<style>
body { font-family: "DejaVu Sans", sans-serif; margin: 1.5em auto; max-width: 1240px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.1em; margin-top: 2em; }
img { width: 100%; max-width: 1200px; border: 1px solid #ddd; }
nav a { margin-right: 0.8em; white-space: nowrap; }
pre { font-size: 0.8em; overflow-x: auto; background: #f6f6f6; padding: 1em; }
</style></head><body>
<h1>hotpath: run $(echo "$run" | esc)</h1>
<nav>
HEAD
  for c in "${charts[@]}"; do echo "<a href=\"#$c\">$c</a>"; done
  echo '<a href="#summary">summary</a></nav>'
  for c in "${charts[@]}"; do
    title=$(head -1 "$out/$c.title" 2>/dev/null | esc || true)
    echo "<h2 id=\"$c\">${title:-$c}</h2>"
    echo "<a href=\"$c.png\"><img src=\"$c.svg\" alt=\"${title:-$c}\"></a>"
  done
  # Each family links to its explanation pages (make explain, written to
  # results/explain/), or says the command that writes one; the roofline
  # of make roofline when drawn.
  echo '<h2 id="explain">Explained loops</h2><ul>'
  tables=$(dirname "$md")/$run/tables
  for t in "$tables"/*.tsv; do
    fam=$(basename "$t" .tsv)
    # family tables only (their header, as hotpath-stats recognises them)
    head -1 "$t" | grep -q $'^name\tfamily\tvariant\tstage\tsize' || continue
    [ "$fam" = ceiling ] && continue
    pages=$(ls "$(dirname "$md")/explain/$fam"-*.md 2>/dev/null || true)
    if [ -n "$pages" ]; then
      echo "<li>$fam:"; for p in $pages; do echo "<a href=\"$(realpath --relative-to="$out" "$p")\">$(basename "$p" .md)</a>"; done; echo '</li>'
    else
      echo "<li>$fam: <code>make explain KERNEL=$fam/VARIANT</code></li>"
    fi
  done
  echo '</ul>'
  [ -f "$out/roofline.svg" ] && echo '<h2 id="roofline">Roofline (make roofline)</h2><a href="roofline.png"><img src="roofline.svg" alt="roofline"></a>'
  echo '<h2 id="summary">Summary (hotpath-stats)</h2>'
  if [ -f "$md" ]; then
    echo '<pre>'
    esc <"$md"
    echo '</pre>'
  else
    echo "<p>No summary: $(echo "$md" | esc) is missing.</p>"
  fi
  echo '</body></html>'
} >"$tmp"
mv "$tmp" "$out/index.html"
