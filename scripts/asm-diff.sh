#!/usr/bin/env bash
# asm-diff.sh BUILD FAMILY [LEVEL] [--design=iter|fused] [--udiff|--verdict]:
# milestone 2's pairs, hp_<FAMILY>_<DESIGN> (iter.h's function-pointer
# chain, the default, or fuse.h's typed stages) against hp_<FAMILY>_manual,
# as normalized Intel-syntax listings from BUILD/libhotpath.a.  LEVEL is O3
# (the Release level, the default), O2, O1, Os or O0.
#   default    the two listings side by side and a one-line verdict
#   --udiff    the unified diff (the format of tests/data/asm_diff/*.diff)
#   --verdict  only the verdict
# Exit status 0 when the two instruction streams are identical, 1 when
# they differ, 2 on a usage error.  The verdict also says whether they are
# the same instructions in another order, or up to registers and order
# (each register replaced by its class, conditional jumps by jcc), or
# that and one side's exit block duplicated (more `ret`s, nothing else),
# and whether the iterator side calls out.
#
# Normalized: no addresses or encodings; branch targets become labels L1,
# L2, ... in address order, so equal code at different addresses compares
# equal; the function's own name disappears; padding (nop, xchg ax,ax,
# int3) and the CET landing pad endbr64 are dropped; `# ...` comments go.
# Not compared: the contents of constant-pool entries ([rip+0x0] loads),
# only that both functions load one at that point.
set -euo pipefail
usage() { echo "usage: asm-diff.sh BUILD FAMILY [O0|O1|O2|O3|Os] [--design=iter|fused] [--udiff|--verdict]" >&2; exit 2; }
[ $# -ge 2 ] || usage
build=$1 family=$2 level=O3 mode=side design=iter
shift 2
for arg in "$@"; do
  case $arg in
    O0|O1|O2|O3|Os) level=$arg ;;
    --udiff) mode=udiff ;;
    --verdict) mode=verdict ;;
    --design=iter|--design=fused) design=${arg#--design=} ;;
    *) usage ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
suffix=$([ "$level" = O3 ] && echo "" || echo "_$level")
iter=hp_${family}_$design$suffix manual=hp_${family}_manual$suffix

normalize() { # symbol
  bash "$here/asm.sh" "$build" "$1" | awk -F'\t' -v sym="$1" '
    # "  4a0:\tmov    rax,rsi" -> address and instruction text
    /^ *[0-9a-f]+:\t/ {
      addr = $1; sub(/^ */, "", addr); sub(/:$/, "", addr)
      text = $2; for (i = 3; i <= NF; i++) text = text " " $i
      sub(/ *#.*/, "", text); gsub(/  +/, " ", text); sub(/ +$/, "", text)
      split(text, w, " ")
      if (w[1] ~ /^(nop|int3|endbr64)$/ || text ~ /^xchg ax,ax$/ || text ~ /^(cs|data16) /)
        pad[addr] = 1
      n++; a[n] = addr; t[n] = text
      # a branch inside the function: "jne 238 <sym+0x18>"
      if (match(text, /[0-9a-f]+ <[^>]*>$/)) {
        tgt = substr(text, RSTART); split(tgt, p, " ")
        if (index(tgt, "<" sym "+") || index(tgt, "<" sym ">")) target[p[1]] = 1
      }
    }
    function num(h,   i, v) { v = 0; h = tolower(h)
      for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
      return v }
    END {
      # A target that is padding moves to the next real instruction.
      for (i = 1; i <= n; i++) if (a[i] in target) {
        j = i; while (j < n && (a[j] in pad)) j++
        lab[a[j]] = 1; alias[a[i]] = a[j]
      }
      k = 0; for (i = 1; i <= n; i++) if (a[i] in lab) name[a[i]] = "L" (++k)
      for (i = 1; i <= n; i++) {
        if (a[i] in lab) print name[a[i]] ":"
        if (a[i] in pad) continue
        text = t[i]
        if (match(text, /[0-9a-f]+ <[^>]*>$/)) {
          split(substr(text, RSTART), p, " ")
          if (p[1] in alias) text = substr(text, 1, RSTART - 1) name[alias[p[1]]]
          else { sub(/[0-9a-f]+ </, "", text); sub(/>$/, "", text) }  # a call: keep its callee
        }
        print "  " text
      }
    }'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
normalize "$iter" > "$tmp/iter"
normalize "$manual" > "$tmp/manual"

count() { grep -c '^  ' "$1" || true; }
ni=$(count "$tmp/iter") nm=$(count "$tmp/manual")
# Instructions on either side that the other side lacks (labels excluded).
only_iter=$(diff --old-line-format='%L' --new-line-format='' --unchanged-line-format='' \
             "$tmp/iter" "$tmp/manual" | grep -c '^  ' || true)
only_manual=$(diff --old-line-format='' --new-line-format='%L' --unchanged-line-format='' \
               "$tmp/iter" "$tmp/manual" | grep -c '^  ' || true)
# Labels renumber when blocks move, so the reordering check ignores them.
bag() { grep '^  ' "$1" | sed -E 's/\bL[0-9]+\b/L/g' | sort; }
# Up to registers too: each register becomes its class (xmm0 -> xmm,
# rcx -> r64, edx -> r32, ...), and a conditional jump becomes jcc, since
# laying a block out on the other side of a branch inverts its condition.
regbag() {
  bag "$1" | sed -E 's/\b[xyz]mm[0-9]+\b/xmm/g;
    s/\b(r[abcd]x|r[sd]i|r[sb]p|r[0-9]+)\b/r64/g; s/\b(e[abcd]x|e[sd]i|e[sb]p|r[0-9]+d)\b/r32/g;
    s/\b([abcd]l|[sd]il|r[0-9]+b)\b/r8/g; /^  jmp /!s/^  j(n?[a-z]{1,2}) /  jcc /' | sort
}
if cmp -s "$tmp/iter" "$tmp/manual"; then
  verdict="$family -$level $design: identical ($ni instructions)"
  same=1
else
  verdict="$family -$level $design: $((only_iter + only_manual)) instructions differ"
  verdict+=" ($only_iter only in $design, $only_manual only in manual; $ni vs $nm instructions)"
  if [ "$(bag "$tmp/iter")" = "$(bag "$tmp/manual")" ]; then
    verdict+="; the same instructions in another order"
  elif [ "$(regbag "$tmp/iter")" = "$(regbag "$tmp/manual")" ]; then
    verdict+="; the same instructions up to registers and order"
  elif [ "$(regbag "$tmp/iter" | uniq)" = "$(regbag "$tmp/manual" | uniq)" ] &&
       [ "$(regbag "$tmp/iter" | grep -v '^  ret$')" = "$(regbag "$tmp/manual" | grep -v '^  ret$')" ]; then
    # Only the number of `ret`s differs: one side returns from a copy of
    # the exit block where the other jumps to a shared one (tail
    # duplication), a layout choice.  Said apart from plain reordering.
    verdict+="; the same instructions up to registers, order and a duplicated ret"
  else
    rest=$(diff <(regbag "$tmp/iter") <(regbag "$tmp/manual") | grep '^[<>]' || true)
    left=$(grep -c . <<<"$rest" || true)
    verdict+="; up to registers and order, $left differ"
    # A few: name them ("< ret" is one more ret on the iterator side).
    if [ "$left" -le 4 ]; then
      verdict+=" ($(sed -E 's/^< +/+/; s/^> +/-/' <<<"$rest" | paste -sd, | sed 's/,/, /g'))"
    fi
  fi
  if grep -q '^  call ' "$tmp/iter"; then verdict+="; $iter calls out"; fi
  same=0
fi

case $mode in
  udiff)
    diff -u --label "$iter" --label "$manual" "$tmp/iter" "$tmp/manual" || true ;;
  verdict)
    echo "$verdict" ;;
  side)
    printf '%-60s   %s\n' "$iter" "$manual"
    diff -y -t -W 125 "$tmp/iter" "$tmp/manual" || true
    echo "$verdict" ;;
esac
[ $same = 1 ]
