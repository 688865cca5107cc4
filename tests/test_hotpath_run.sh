#!/usr/bin/env bash
# hotpath-run: runs what it says with the bytes it says, names what it does
# not know, refuses what cannot run with the reason, and has a harness for
# every family registered in this build (milestones that landed).
set -uo pipefail
build=$1
run=$build/hotpath-run
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }
expect() { # description, expected exit status, stderr/stdout pattern, command...
  local what=$1 status=$2 pattern=$3 out rc
  shift 3
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" -eq "$status" ] && grep -qE -- "$pattern" <<<"$out"; then ok "$what"; else
    bad "$what (exit $rc, want $status; pattern '$pattern'):"; echo "$out" | head -20; fi
}

expect "sum_array/auto: 1000 elements are 4000 bytes per call" 0 \
  'input: +1000 elements, 4000 bytes per call' "$run" sum_array/auto --size 1000 --iterations 3
expect "the gate runs first" 0 '^check: +ok' "$run" sum_array/auto --size 10 --iterations 1
expect "--iterations N makes exactly N calls" 0 '^ran: +7 calls' "$run" branch_sum/branchless --size 64 --iterations 7
expect "--seconds runs for about that long" 0 'ran: +[0-9]+ calls in 0\.(0[5-9]|1[0-9])' \
  "$run" ilp_imul/chains8 --size 64 --seconds 0.05
expect "a family alone picks its preferred variant" 0 '^hotpath-run: branch_sum/auto ' \
  "$run" branch_sum --iterations 1
expect "unknown family: error listing the registered ones" 2 'unknown family .nope.*' "$run" nope
expect "unknown family: the list names sum_array's variants" 2 'sum_array: O0 scalar auto' "$run" nope
expect "unknown variant: lists that family's variants" 2 'unknown variant .x. of branch_sum.*' \
  "$run" branch_sum/x
expect "a variant the cap excludes: the reason" 3 'ilp_fma/chains1 cannot run: HOTPATH_ISA=scalar excludes' \
  env HOTPATH_ISA=scalar "$run" ilp_fma/chains1 --iterations 1
expect "a bad HOTPATH_ISA is refused" 2 'HOTPATH_ISA' env HOTPATH_ISA=bogus "$run" sum_array/auto
expect "a size the family cannot take: why" 2 'multiple of 64' "$run" pointer_chase/scalar --size 100
expect "a bad number is refused" 2 'non-negative integer' "$run" sum_array/auto --size 12x
expect "a size whose buffers would wrap is refused" 2 'above the limit' "$run" sum_array/auto --size 4611686018427387905
# 4 TiB: malloc says no (ASan would abort instead of returning NULL unless told).
expect "a size too large for memory: out of memory, no crash" 2 'out of memory' \
  env ASAN_OPTIONS=allocator_may_return_null=1 "$run" sum_array/scalar --size 1099511627776
expect "an option without its value is refused" 2 'needs a value' "$run" sum_array/auto --size

# --list covers every variant (registry and peers), as hotpath-cpu counts them.
total=$("$build/hotpath-cpu" | sed -n 's/^[0-9]* of \([0-9]*\) variants.*/\1/p')
listed=$("$run" --list | wc -l)
[ -n "$total" ] && [ "$listed" -eq "$total" ] && ok "--list names all $total variants" ||
  bad "--list names $listed variants, hotpath-cpu counts '$total'"

# One runnable variant of every family runs at a small size (the gate is
# tested elsewhere; one per family keeps this fast under ASan).
n=0 seen=" "
while read -r name status _; do
  [ "$status" = ok ] || continue
  case "$seen" in *" ${name%%/*} "*) continue ;; esac
  seen+="${name%%/*} "
  out=$("$run" "$name" --no-check --size 64 --iterations 2 2>&1) ||
    { bad "$name --size 64 --iterations 2:"; echo "$out"; continue; }
  n=$((n + 1))
done < <("$run" --list)
ok "$n families ran (one runnable variant each)"
# A family that has no harness would show up as "no harness" here.
missing=$("$run" --list | grep 'has no harness' | awk '{print $1}' | tr '\n' ' ')
[ -z "$missing" ] && ok "every registered family has a harness" || bad "families without a harness (add one to shims/harness_<milestone>.c): $missing"
exit $fail
