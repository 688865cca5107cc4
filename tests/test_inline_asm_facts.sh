#!/usr/bin/env bash
# Milestone 3's assembly facts (docs/milestone-3-inline-assembly.md), read from the
# Release build's disassembly: each helper emits its instruction; at the
# x86-64 baseline the popcount builtin is no popcnt (GCC calls libgcc,
# clang inlines a bit trick), with -mpopcnt it is the instruction; the
# portable byte loop compiles to one bswap; GCC also vectorizes the SWAR
# popcount.  A failing fact prints the function.
set -uo pipefail
build=$1 src=$2
. "$src/tests/asm_lib.sh"
require_plain_release

has() { mnemonics "$1" | grep -qxE "$2"; }
lacks() { ! has "$1" "$2"; }

for pair in ctz_tzcnt:tzcnt ctz_bsf:bsf clz_lzcnt:lzcnt clz_bsr:bsr popcnt_asm:popcnt bswap_asm:bswap; do
  fn=hp_${pair%%:*} op=${pair##*:}
  check "$fn contains $op" "$fn" has "$fn" "$op"
done
gcc=0
[ "$(compiler_id)" = GNU ] && gcc=1
check "baseline popcount builtin is not popcnt" hp_popcnt_builtin lacks hp_popcnt_builtin popcnt
if [ $gcc = 1 ]; then
  check "GCC: baseline popcount builtin is a libgcc call" hp_popcnt_builtin has hp_popcnt_builtin call
fi
check "popcount builtin with -mpopcnt is popcnt, no call" hp_popcnt_builtin_popcnt \
  eval 'has hp_popcnt_builtin_popcnt popcnt && lacks hp_popcnt_builtin_popcnt call'
check "portable byte loop compiles to bswap" hp_bswap_portable has hp_bswap_portable bswap
if [ $gcc = 1 ]; then
  check "GCC: SWAR popcount is vectorized (psubq)" hp_popcnt_swar has hp_popcnt_swar 'v?psubq'
fi
exit $fail
