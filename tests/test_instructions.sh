#!/usr/bin/env bash
# make bench-instructions on a small subset, twice: the counts are
# identical (the point of counting instructions), grow with the size as
# the loops say, and the file is the documented JSON.
set -uo pipefail
build=$1 src=$2
command -v valgrind >/dev/null || { echo "SKIP: valgrind is not installed"; exit 77; }
if grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "SKIP: valgrind cannot run ASan binaries"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for i in 1 2; do
  SIZES="64 4096" JOBS=2 bash "$src/scripts/bench-instructions.sh" "$build" "$tmp/run$i.json" \
    '^(sum_array/scalar|branch_sum/branchy|pointer_chase/scalar)$' >"$tmp/log$i" 2>&1 ||
    { echo "FAIL: bench-instructions run $i:"; cat "$tmp/log$i"; exit 1; }
done
counts() { # "family/variant/size instructions" per line
  sed -nE 's/.*"name": "([^"]*)".*"instructions": ([0-9]+).*/\1 \2/p' "$1"
}
counts "$tmp/run1.json" >"$tmp/c1"
counts "$tmp/run2.json" >"$tmp/c2"
if [ "$(wc -l <"$tmp/c1")" -eq 6 ] && cmp -s "$tmp/c1" "$tmp/c2"; then
  echo "ok: two runs, identical counts:"; sed 's/^/  /' "$tmp/c1"
else
  echo "FAIL: the two runs differ or are incomplete:"; diff "$tmp/c1" "$tmp/c2"; cat "$tmp/c1"; fail=1
fi
get() { awk -v n="$1" '$1 == n {print $2}' "$tmp/c1"; }
# The scalar sum adds each element with an instruction of its own: 4032
# more elements cost between 1 (clang unrolls the loop by 8: about 1.4) and
# 8 instructions each (GCC's loop: 4), not 0: the kernel itself is counted.
d=$(( $(get sum_array/scalar/4096) - $(get sum_array/scalar/64) ))
if [ "$d" -ge 4032 ] && [ "$d" -le $((8 * 4032)) ]; then
  echo "ok: sum_array/scalar: $d instructions for 4032 more elements"
else
  echo "FAIL: sum_array/scalar: $d instructions for 4032 more elements"; fail=1
fi
# One chase step per cache line: 64 bytes = 1 step, 4096 = 64 steps.
c1=$(get pointer_chase/scalar/64) c64=$(get pointer_chase/scalar/4096)
if [ $((c64 - c1)) -ge $((63 * 3)) ] && [ $((c64 - c1)) -le $((63 * 8)) ]; then
  echo "ok: pointer_chase: $((c64 - c1)) instructions for 63 more steps"
else
  echo "FAIL: pointer_chase: $c1 (1 step) vs $c64 (64 steps)"; fail=1
fi
if [ -x /usr/bin/python3 ]; then
  /usr/bin/python3 - "$tmp/run1.json" <<'PY' && echo "ok: valid JSON with context and instructions" || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["context"]["isa_cap"] and d["context"]["tool"].startswith("valgrind"), d["context"]
assert all({"name", "instructions"} <= set(e) for e in d["instructions"]), d["instructions"]
assert all(isinstance(e["instructions"], int) for e in d["instructions"])
PY
fi
exit $fail
