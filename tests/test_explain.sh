#!/usr/bin/env bash
# scripts/mca.sh's loop extraction on a known fixture and on real kernels,
# the tables of hotpath-stats (cycles) and scripts/roofline.sh, and
# make explain's page on one variant (fast: a small size).
set -euo pipefail
build=$1 src=$2
command -v llvm-mca-14 >/dev/null && command -v gawk >/dev/null || { echo "SKIP: llvm-mca-14 or gawk missing (scripts/deps.sh)"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mca=$src/scripts/mca.sh
# Sanitizer builds: the instrumented loops are not the Release ones, and
# valgrind (make explain's counters) cannot run them; parts 2 and 4 need
# the plain build.
asan=0; grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && asan=1

# 1. the fixture: two loops; the vector one is the hot one, with its
#    branch targets as labels and the forward branch inside kept inside
gcc -c "$src/tests/data/mca/loop.S" -o "$tmp/loop.o"
[ "$(bash "$mca" loops "$tmp/loop.o" mca_fixture | wc -l)" -eq 2 ] || fail "fixture: expected 2 innermost loops"
asm=$(bash "$mca" asm "$tmp/loop.o" mca_fixture)
echo "$asm"
[ "$(head -1 <<<"$asm")" = "$(grep -m1 '^L_' <<<"$asm")" ] || fail "fixture: the loop must start at its label"
grep -q '^vpaddd' <<<"$asm" || fail "fixture: vpaddd missing from the hot loop"
grep -q '^dec' <<<"$asm" && fail "fixture: the setup loop leaked into the hot loop"
grep -q '^ret' <<<"$asm" && fail "fixture: ret is past the loop"
grep -qE '^je +L_[0-9a-f]+$' <<<"$asm" || fail "fixture: the inner forward branch is not a label"
grep -qE '^jb +L_[0-9a-f]+$' <<<"$asm" || fail "fixture: the backward branch is not a label"
rep=$(bash "$mca" report "$tmp/loop.o" mca_fixture)
grep -q '^mca_first_load_advance_bytes: 32$' <<<"$rep" || fail "fixture: advance is not 32 bytes"
grep -qE '^mca_cycles_per_iter: [0-9]+\.[0-9]+$' <<<"$rep" || fail "fixture: no cycles per iteration"
grep -qE '^mca_model: [a-z0-9-]+$' <<<"$rep" || fail "no model named"

# 2. real kernels: the hot loop holds the instruction that does the work
lib=$build/libhotpath.a
if [ $asan = 0 ]; then
bash "$mca" asm "$lib" hp_base64_encode_avx2 | grep -q '^vpshufb' || fail "base64_encode/avx2: no vpshufb in its loop"
bash "$mca" asm "$lib" hp_dot_f32_avx2 | grep -q '^vfmadd' || fail "dot_f32/avx2: no FMA in its loop"
bash "$mca" asm "$lib" hp_ilp_imul_chains4 | grep -c '^imul' | grep -qx 4 || fail "ilp_imul/chains4: not 4 imuls"
fi

# 3. the tables: cycles.tsv from a small run with the ceilings, then roofline
"$build/hotpath-bench" --hp_out="$tmp/r.json" --benchmark_min_time=0.002 --benchmark_repetitions=2 \
  --benchmark_filter='^(ceiling/[a-z0-9_]+/[0-9]+|sum_array/auto/4096|dot_f32/avx2/4096)$' >/dev/null 2>&1 ||
  fail "hotpath-bench with the ceilings failed"
grep -q '"hp_core_ghz_after"' "$tmp/r.json" || fail "no core clock after the suite in the context"
"$build/hotpath-stats" --results-dir "$tmp" --resamples 200 "$tmp/r.json" >/dev/null
cyc=$tmp/r/tables/cycles.tsv
[ "$(head -1 "$cyc" | awk -F'\t' '{print NF}')" -eq 13 ] || fail "cycles.tsv: not 13 columns"
awk -F'\t' 'NR > 1 && NF != 13 { exit 1 }' "$cyc" || fail "cycles.tsv: a row without 13 columns"
# sum_array/auto/4096: 16 KiB touched; its cycles per element are its cycles
# per call over 4096 (the arithmetic checked, not the speed)
awk -F'\t' '$1 == "sum_array/auto/4096" && $8 == 16384 && $12 > 0 && ($11 / 4096 - $12) ^ 2 < 1e-6 { ok = 1 }
  END { exit !ok }' "$cyc" || fail "cycles.tsv: sum_array/auto/4096's row is wrong"
MCA_ONLY='^sum_array/auto$' bash "$mca" table "$build" "$cyc" > "$tmp/mca.tsv"
# (a sanitizer build's loop is instrumented: no constant advance to find)
awk -F'\t' -v asan=$asan '$1 == "sum_array/auto" && $8 == 4096 && (asan || $10 > 0) { ok = 1 }
  END { exit !ok }' "$tmp/mca.tsv" || fail "mca table: no prediction against sum_array/auto's measured 4096"
bash "$src/scripts/roofline.sh" "$tmp/r/tables" "$tmp/x"
for lvl in L1 L2 L3 DRAM; do grep -qP "^read_[a-z0-9]+\t$lvl\t" "$tmp/x/ceilings.tsv" || fail "ceilings.tsv: no read ceiling at $lvl"; done
awk -F'\t' '$1 == "dot_f32/avx2/4096" && $14 > 0 && $13 != "-" { ok = 1 } END { exit !ok }' "$tmp/x/roofline.tsv" ||
  fail "roofline.tsv: no fraction for dot_f32/avx2/4096"

# 4. make explain's page on one variant
[ $asan = 1 ] && { echo "ok (sanitizer build: loop contents and make explain skipped)"; exit 0; }
page=$(bash "$src/scripts/explain.sh" "$build" sum_array/auto 4096 "$tmp/res" | tail -1 | sed 's/^explain: //')
for h in '## Source' '## Hot loop and llvm-mca' '## Measured' '## Working set' '## Counters'; do
  grep -qF "$h" "$page" || fail "explain page: no '$h'"
done
grep -qE 'cycles per call, [0-9.]+ cycles per element' "$page" || fail "explain page: no cycles per element"
grep -q 'basics' "$page" || fail "explain page: no source file"
echo "ok"
