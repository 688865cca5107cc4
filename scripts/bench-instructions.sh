#!/usr/bin/env bash
# bench-instructions.sh BUILD OUT.json [FILTER]: instructions per call of
# every variant valgrind can run, at a few sizes, counted by callgrind (the
# iai-callgrind idea): a deterministic regression signal that a noisy
# machine cannot blur.  FILTER (an extended regular expression) keeps the
# variants whose family/variant matches it; SIZES="64 4096 65536" (in each
# family's unit) by default; JOBS=2 valgrind runs at a time.
#
# How a count is taken: build/hotpath-run prepares the input, calls the
# kernel once to warm up (--warmup 1: a library's lazy initialization,
# e.g. OpenBLAS's, happens there) and once more in its measured loop
# (--iterations 1), under
#   valgrind --tool=callgrind --zero-before=hotpath_run_calls
#            --toggle-collect=hp_<family>_<variant>
# Counters are zeroed when the measured loop starts and collect only inside
# the kernel's symbol (and what it calls): one steady-state call, without
# start-up, input preparation or the loop around it.  LD_BIND_NOW=1
# resolves library symbols at start-up, so no lazy PLT binding is counted
# either.  A variant without a symbol of that name is counted as the
# difference between a 2-call and a 1-call run of hotpath_run_calls (the
# runner's loop, so a few instructions of call overhead are included):
# "counted" says which.
#
# Output (written atomically): {"context": {...}, "instructions": [
#   {"name": "family/variant/size", "family", "variant", "size", "unit",
#    "instructions", "counted"}, ...], "skipped": [{"name", "reason"}, ...]}
set -euo pipefail
build=$1 out=$2 filter=${3:-}
sizes=${SIZES:-64 4096 65536}
run=$build/hotpath-run
src=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "bench-instructions: $*" >&2; exit 1; }

command -v valgrind >/dev/null || die "valgrind is not installed (scripts/deps.sh installs it)"
[ -x "$run" ] || die "$run is not built"
for s in $sizes; do [[ $s =~ ^[0-9]+$ ]] || die "SIZES must be integers, got '$s'"; done
case "${HOTPATH_ISA:-}" in
  ''|v4|avx512) cap=avx2 ;;   # valgrind 3.19 cannot execute AVX-512
  *) cap=$HOTPATH_ISA ;;
esac
export HOTPATH_ISA=$cap LD_BIND_NOW=1
tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp" "$out.tmp.$$"; }
trap cleanup EXIT
# A signal removes the temporaries too, then ends the script by that signal;
# over a file-size limit a write fails (EFBIG) and set -e stops the script.
for sig in HUP INT PIPE TERM; do trap "cleanup; trap - $sig EXIT; kill -$sig \$\$" $sig; done
trap '' XFSZ

json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }

mapfile -t variants < <("$run" --list | awk -v f="$filter" '$2 == "ok" && $1 ~ f {print $1}')
[ ${#variants[@]} -gt 0 ] || die "no variant runnable at HOTPATH_ISA=$cap matches '$filter' (build/hotpath-run --list)"
nm "$run" | awk '$2 ~ /^[Tt]$/ {print $3}' | sort -u >"$tmp/symbols"

# Total instructions collected by one callgrind run; its output in $dir/log.
count() { # toggle-symbol iterations variant size
  local f=$dir/cg.out
  rm -f "$f"
  valgrind --tool=callgrind --callgrind-out-file="$f" --zero-before=hotpath_run_calls \
    --toggle-collect="$1" \
    "$run" "$3" --no-check --warmup 1 --iterations "$2" --size "$4" >"$dir/log" 2>&1 || return 1
  awk '/^totals:/ {print $2; found=1} END {exit !found}' "$f"
}

# Every size of one variant into $dir/{lines,entries,skipped}.
measure() { # index variant
  dir=$tmp/$1
  mkdir -p "$dir"
  local v=$2 fam=${2%%/*} var=${2#*/} sym=hp_${2%%/*}_${2#*/} size name n n1 n2 counted unit reason
  : >"$dir/lines"; : >"$dir/entries"; : >"$dir/skipped"
  # Correct before counted: the gate runs natively (slow under valgrind).
  if ! "$run" "$v" --check-only >"$dir/log" 2>&1; then
    cat "$dir/log" >"$dir/failed"
    return
  fi
  for size in $sizes; do
    name=$v/$size
    if grep -qx -- "$sym" "$tmp/symbols"; then
      counted=$sym
      n=$(count "$sym" 1 "$v" "$size") || n=
    else
      counted="hotpath_run_calls (2 calls - 1 call)"
      n1=$(count hotpath_run_calls 1 "$v" "$size") && n2=$(count hotpath_run_calls 2 "$v" "$size") &&
        n=$((n2 - n1)) || n=
    fi
    if [ -z "$n" ]; then
      reason=$(grep -v '^==' "$dir/log" | tail -1)
      [ -n "$reason" ] || reason=$(tail -1 "$dir/log")
      printf '  %-40s skipped: %s\n' "$name" "$reason" >>"$dir/lines"
      echo "{\"name\": $(json_str "$name"), \"reason\": $(json_str "$reason")}" >>"$dir/skipped"
      continue
    fi
    unit=$(sed -n 's/^input: *[0-9]* \([a-z]*\),.*/\1/p' "$dir/log")
    printf '  %-40s %12s\n' "$name" "$n" >>"$dir/lines"
    echo "{\"name\": $(json_str "$name"), \"family\": $(json_str "$fam"), \"variant\": $(json_str "$var"), \"size\": $size, \"unit\": $(json_str "$unit"), \"instructions\": $n, \"counted\": $(json_str "$counted")}" >>"$dir/entries"
  done
}

jobs=${JOBS:-2}
echo "bench-instructions: ${#variants[@]} variants x sizes {$sizes}, HOTPATH_ISA=$cap, callgrind, $jobs at a time"
for i in "${!variants[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  measure "$i" "${variants[$i]}" &
done
wait
# In registry order, whatever order the jobs finished in.
entries=() skipped=()
for i in "${!variants[@]}"; do
  if [ -f "$tmp/$i/failed" ]; then
    cat "$tmp/$i/failed" >&2
    die "${variants[$i]} failed its correctness check; nothing recorded"
  fi
  cat "$tmp/$i/lines"
  mapfile -t -O "${#entries[@]}" entries <"$tmp/$i/entries"
  mapfile -t -O "${#skipped[@]}" skipped <"$tmp/$i/skipped"
done

commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$src" status --porcelain -uno 2>/dev/null)" ] || commit+=-dirty
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null)
cc_version=$("${cc:-cc}" --version 2>/dev/null | head -1 || echo unknown)
join() { # one element per line, comma-separated; nothing for none
  local first=1
  for e in "$@"; do
    [ $first = 1 ] || printf ',\n'
    first=0
    printf '    %s' "$e"
  done
  [ $first = 1 ] || printf '\n'
}
mkdir -p "$(dirname "$out")"
{
  printf '{\n  "context": {\n'
  printf '    "tool": %s,\n' "$(json_str "$(valgrind --version) --tool=callgrind")"
  printf '    "method": %s,\n' "$(json_str "instructions of one steady-state call inside the kernel symbol (callgrind --toggle-collect, after one warm-up call), input prepared outside it")"
  printf '    "date": %s,\n' "$(json_str "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
  printf '    "commit": %s,\n' "$(json_str "$commit")"
  printf '    "isa_cap": %s,\n' "$(json_str "$cap")"
  printf '    "cpu_model": %s,\n' "$(json_str "$("$build/hotpath-cpu" | sed -n 's/^cpu: *//p')")"
  printf '    "compiler": %s,\n' "$(json_str "$cc_version")"
  printf '    "sizes": [%s]\n' "$(echo $sizes | sed 's/ /, /g')"
  printf '  },\n  "instructions": [\n'
  join "${entries[@]}"
  printf '  ],\n  "skipped": [\n'
  join "${skipped[@]+"${skipped[@]}"}"
  printf '  ]\n}\n'
} >"$out.tmp.$$"
# every write above checked by set -e; the data on disk before the rename
sync -- "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "bench-instructions: ${#entries[@]} counts, ${#skipped[@]} skipped -> $out"
