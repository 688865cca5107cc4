#!/bin/bash
# The docs hold together: README.md stays a front page (at most 250 lines),
# every relative link and image in README.md and docs/*.md reaches a file
# (and, for a #fragment into a Markdown page, one of its headings),
# docs/index.md links every page of docs/, and every make target README's
# table lists is one `make help` knows.
# Usage: test_docs.sh BUILD_DIR SOURCE_DIR (BUILD_DIR is not used).
set -u
src=${2:?usage: test_docs.sh BUILD_DIR SOURCE_DIR}
cd "$src" || exit 1
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# Pages other branches are writing while this test lands; a link to one of
# them is not an error while the page is missing.  Remove each name once
# its page is merged (an empty list is the goal).
pending=" "

is_pending() {
  local p
  for p in $pending; do [ "$p" = "$1" ] && return 0; done
  return 1
}

max=250
lines=$(wc -l < README.md)
if [ "$lines" -gt "$max" ]; then
  bad "README.md has $lines lines; at most $max (the rest belongs in docs/)"
else
  echo "ok: README.md has $lines lines (at most $max)"
fi

# GitHub's anchor of a heading: lower case, punctuation dropped (hyphen and
# underscore kept), spaces to hyphens; a repeated heading gets -1, -2, ...
slugs() {
  awk '/^```/ { fence = !fence; next }
       !fence && /^#+ / {
         s = tolower($0); sub(/^#+ +/, "", s); sub(/ +#* *$/, "", s)
         gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s)
         n = seen[s]++; print (n ? s "-" n : s) }' "$1"
}

# Link targets outside code fences and code spans, one per line as
# "LINE<TAB>TARGET".  A link's text may span lines; its target does not.
targets() {
  awk '/^```/ { fence = !fence; next }
       !fence { l = $0; gsub(/`[^`]*`/, "", l)
                while (match(l, /\]\([^)]*\)/)) {
                  print FNR "\t" substr(l, RSTART + 2, RLENGTH - 3)
                  l = substr(l, RSTART + RLENGTH) } }' "$1"
}

links=0
for page in README.md docs/*.md; do
  dir=$(dirname "$page")
  while IFS=$'\t' read -r line target; do
    case $target in
      http://*|https://*|mailto:*) continue ;;
    esac
    links=$((links + 1))
    path=${target%%#*}
    frag=
    [ "$path" != "$target" ] && frag=${target#*#}
    if [ -z "$path" ]; then
      file=$page
    else
      file=$dir/$path
    fi
    if [ ! -e "$file" ]; then
      if [ "$dir" = docs ] && is_pending "$path"; then
        echo "pending: $page:$line links to $file, which another branch is writing"
        continue
      fi
      bad "$page:$line: link to $target: $file does not exist"
      continue
    fi
    if [ -n "$frag" ]; then
      case $file in
        *.md) slugs "$file" | grep -qxF -- "$frag" ||
                bad "$page:$line: link to $target: no heading '#$frag' in $file" ;;
        *) bad "$page:$line: link to $target: a #fragment into a file that is not Markdown" ;;
      esac
    fi
  done < <(targets "$page")
done
echo "checked $links relative links and images"

# docs/index.md is the map: no page may be missing from it.
for page in docs/*.md; do
  name=${page#docs/}
  [ "$name" = index.md ] && continue
  targets docs/index.md | cut -f2 | sed 's/#.*//' | grep -qxF -- "$name" ||
    bad "docs/index.md does not link $name"
done

# The make targets README's table lists: rows that start "| `make NAME".
help=$(make -s --no-print-directory help 2>&1) || bad "make help failed: $help"
known=$(awk 'NR > 1 { print $1 }' <<<"$help")
listed=$(sed -n 's/^| `make \([a-z][a-z0-9-]*\).*/\1/p' README.md)
[ -n "$listed" ] || bad "README.md lists no make target (rows starting | \`make NAME)"
for t in $listed; do
  grep -qxF -- "$t" <<<"$known" || bad "README.md lists 'make $t', which 'make help' does not show"
done
echo "checked $(wc -w <<<"$listed") make targets of README.md against make help"

exit $fail
