#!/usr/bin/env bash
# Milestone 7's assembly facts, read from the Release build's disassembly.
# A loop is the range from a backward conditional jump's target to the jump
# (its back-edge); inside it:
#   - branch_sum/branchless has exactly one conditional jump, the back-edge:
#     the element test became a mask (setcc/cmov/and), not a branch;
#   - branch_sum/branchy keeps a second one, the data-dependent branch the
#     benchmark is about (the compiler did not if-convert or vectorize it);
#   - ilp_imul/chainsK and ilp_fma/chainsK multiply (imul) or FMA
#     (vfmadd) into exactly K distinct registers in their innermost loop:
#     K independent chains, neither merged (unroll-and-jam) nor packed into
#     SIMD.  Distinct destinations, not instruction counts, because clang
#     unrolls chains1 by 8 into 8 imuls on one register (still one chain).
# A failing fact prints the function.
set -uo pipefail
build=$1 src=$2
. "$src/tests/asm_lib.sh"
require_plain_release

# One line per loop: "<conditional jumps inside> <distinct destination
# registers of the instructions matching RE inside>".
loops() { # function, RE
  disasm "$1" | awk -F'\t' -v re="$2" '
    function hex(s,   i, x) {  # mawk has no strtonum
      x = 0
      for (i = 1; i <= length(s); i++) x = x * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
      return x
    }
    NF >= 2 {
      addr = $1; sub(/^ */, "", addr); sub(/:$/, "", addr)
      split($2, w, " "); op = w[1]
      n++; a[n] = hex(addr); m[n] = op
      d[n] = w[2]; sub(/,.*/, "", d[n])   # Intel syntax: the destination comes first
      t[n] = -1   # a conditional jump: its target
      if (op ~ /^j/ && op != "jmp" && match($2, / [0-9a-f]+ </)) t[n] = hex(substr($2, RSTART + 1, RLENGTH - 3))
    }
    END {
      for (i = 1; i <= n; i++) {
        if (t[i] < 0 || t[i] > a[i]) continue   # not a back-edge
        jcc = 0; hits = 0; split("", seen)
        for (j = 1; j <= n; j++)
          if (a[j] >= t[i] && a[j] <= a[i]) {
            if (m[j] ~ /^j/ && m[j] != "jmp") jcc++
            if (m[j] ~ re && !(d[j] in seen)) { seen[d[j]] = 1; hits++ }
          }
        print jcc, hits
      }
    }'
}

# fact DESCRIPTION FUNCTION TEST-FUNCTION: a failure also lists the loops.
with_loops() { # function, test-function
  "$2" "$1" && return 0
  echo "loops of $1 (jcc, matches): $(loops "$1" '^$' | tr '\n' ';')"
  return 1
}
fact() { check "$1" "$2" with_loops "$2" "$3"; }

branch_free() { local l; l=$(loops "$1" '^$'); [ -n "$l" ] && ! awk '$1 != 1 {bad=1} END {exit !bad}' <<<"$l"; }
branchy() { loops "$1" '^$' | awk '$1 >= 2 {ok=1} END {exit !ok}'; }

fact "branchless sum: the only conditional jump in its loop is the back-edge" hp_branch_sum_branchless branch_free
fact "branchy sum: its loop keeps a data-dependent conditional jump" hp_branch_sum_branchy branchy

# The loop with the most chains must have exactly K.
chains() { # function, RE, K
  loops "$1" "$2" | awk -v k="$3" '$2 > max {max = $2} END {exit max != k}'
}
for k in 1 2 4 8; do
  imul() { chains "$1" '^imul$' "$k"; }
  fma() { chains "$1" '^vfmadd' "$k"; }
  fact "ilp_imul/chains$k: imul into $k registers (chains) in its loop" "hp_ilp_imul_chains$k" imul
  fact "ilp_fma/chains$k: scalar FMA into $k registers (chains) in its loop" "hp_ilp_fma_chains$k" fma
done
exit $fail
