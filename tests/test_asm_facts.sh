#!/usr/bin/env bash
# Milestone 1's assembly facts, read from the Release build's disassembly:
# add is lea + ret; the auto sum_array uses packed integer adds; the scalar
# one none.  A failing fact prints the function's disassembly.
set -uo pipefail
build=$1 src=$2
. "$src/tests/asm_lib.sh"
require_plain_release

# Mnemonics without padding nops and the CET landing pad.
insns() { mnemonics "$1" | grep -vE '^(nop|endbr64|int3|xchg|cs|data16)$'; }

add_is_lea_ret() { [ "$(insns hp_add_auto | tr '\n' ' ')" = "lea ret " ]; }
auto_sum_packed() { insns hp_sum_array_auto | grep -qE '^v?paddd$'; }
scalar_sum_plain() { ! insns hp_sum_array_scalar | grep -qE '^v?padd'; }

check "add is lea + ret" hp_add_auto add_is_lea_ret
check "auto sum_array uses packed adds (paddd/vpaddd)" hp_sum_array_auto auto_sum_packed
check "scalar sum_array uses no packed add" hp_sum_array_scalar scalar_sum_plain
exit $fail
