#!/usr/bin/env bash
# Milestone 4's assembly facts (docs/milestone-4-simd.md), read from the
# Release build's disassembly: the compiler vectorizes the add loop at
# every level (addps xmm / vaddps ymm / vaddps zmm), while in the dot loop
# it vectorizes only the multiplications and keeps the additions one
# element at a time, in source order (addss), because without -ffast-math
# it may not reassociate a float sum.  The scalar variants have no packed
# arithmetic at all.  A failing fact prints the function's disassembly.
set -uo pipefail
build=$1 src=$2
. "$src/tests/asm_lib.sh"
require_plain_release

# "mnemonic first-operand" per instruction, e.g. "vaddps zmm0".
insns() {
  disasm "$1" |
    awk -F'\t' 'NF >= 2 {split($2, a, /[ ,]+/); print a[1], a[2]}'
}

# expect DESCRIPTION FUNCTION PATTERN yes|no: does any instruction match?
expect() {
  local got=no
  insns "$2" | grep -qE "$3" && got=yes
  check "$1" "$2" [ "$got" = "$4" ]
}

expect "auto add: packed adds on xmm (SSE2)" hp_add_f32_auto '^addps xmm' yes
expect "auto_v3 add: packed adds on ymm (AVX2)" hp_add_f32_auto_v3 '^vaddps ymm' yes
expect "auto_v4 add: packed adds on zmm (AVX-512)" hp_add_f32_auto_v4 '^vaddps zmm' yes
expect "scalar add: no packed add" hp_add_f32_scalar 'addps' no
# GCC vectorizes the dot's multiplications alone; clang 14 leaves the loop
# scalar and, at v3/v4, contracts each a*b+s into a scalar FMA (its default
# -ffp-contract=on; GCC's in ISO C mode is off).  Neither packs the sum.
gcc=0
[ "$(compiler_id)" = GNU ] && gcc=1
for v in auto auto_v3 auto_v4; do
  [ $gcc = 1 ] && expect "GCC: $v dot: packed multiplies" hp_dot_f32_$v '^v?mulps' yes
  expect "$v dot: additions stay scalar (no packed add or FMA)" hp_dot_f32_$v \
    '^v?(addps|fmadd[0-9]*ps)' no
done
expect "scalar dot: no packed multiply" hp_dot_f32_scalar 'mulps' no
exit $fail
