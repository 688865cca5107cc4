#!/usr/bin/env bash
# Milestone 4's assembly facts (README, "Milestone 4: SIMD"), read from the
# Release build's disassembly: the compiler vectorizes the add loop at
# every level (addps xmm / vaddps ymm / vaddps zmm), while in the dot loop
# it vectorizes only the multiplications and keeps the additions one
# element at a time, in source order (addss), because without -ffast-math
# it may not reassociate a float sum.  The scalar variants have no packed
# arithmetic at all.  A failing fact prints the function's disassembly.
set -uo pipefail
build=$1 src=$2
if [ "${HOTPATH_BUILD_TYPE:-}" != Release ] ||
   grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "SKIP: assembly facts hold for the plain Release build only"
  exit 77
fi
fail=0

# "mnemonic first-operand" per instruction, e.g. "vaddps zmm0".
insns() {
  bash "$src/scripts/asm.sh" "$build" "$1" |
    awk -F'\t' 'NF >= 2 {split($2, a, /[ ,]+/); print a[1], a[2]}'
}

check() { # description, function, grep -E pattern, expect (yes|no)
  local what=$1 fn=$2 pat=$3 want=$4 got=no
  insns "$fn" | grep -qE "$pat" && got=yes
  if [ "$got" = "$want" ]; then
    echo "ok: $what"
  else
    echo "FAIL: $what; disassembly of $fn:"
    bash "$src/scripts/asm.sh" "$build" "$fn"
    fail=1
  fi
}

check "auto add: packed adds on xmm (SSE2)" hp_add_f32_auto '^addps xmm' yes
check "auto_v3 add: packed adds on ymm (AVX2)" hp_add_f32_auto_v3 '^vaddps ymm' yes
check "auto_v4 add: packed adds on zmm (AVX-512)" hp_add_f32_auto_v4 '^vaddps zmm' yes
check "scalar add: no packed add" hp_add_f32_scalar 'addps' no
for v in auto auto_v3 auto_v4; do
  check "$v dot: packed multiplies" hp_dot_f32_$v '^v?mulps' yes
  check "$v dot: additions stay scalar (no packed add or FMA)" hp_dot_f32_$v '^v?(addps|fmadd)' no
done
check "scalar dot: no packed multiply" hp_dot_f32_scalar 'mulps' no
exit $fail
