#!/usr/bin/env bash
# abstraction-sizes.sh BUILD: code size in bytes (the symbol table's size,
# nm -S) of milestone 2's iter, fused and manual functions at every optimization
# level, from BUILD/libhotpath.a.  `helpers` is the total size of the
# level's out-of-line local functions (iter_*_next, iter_sum, the
# predicates): code an iter function calls wherever the compiler did not
# inline it, shared by the four families of that level.
set -euo pipefail
build=$1
lib=$build/libhotpath.a
[ -f "$lib" ] || { echo "abstraction-sizes.sh: $lib not built" >&2; exit 1; }
nm -A -S -t d "$lib" 2>/dev/null | awk '
  # "lib.a:pairs_O3.c.o:0000000000000208 0000000000000159 T hp_sum_iter"
  { split($1, p, ":"); obj = p[2] }
  obj !~ /^pairs_O[0-3s]\.c\.o$/ { next }
  { lvl = obj; sub(/^pairs_/, "", lvl); sub(/\.c\.o$/, "", lvl) }
  $3 == "t" { helpers[lvl] += $2 + 0; next }
  $3 == "T" {
    name = $4; sub(/^hp_/, "", name); sub(/_O[0-3s]$/, "", name)
    var = name; sub(/^.*_/, "", var); fam = name; sub(/_(iter|fused|manual)$/, "", fam)
    size[fam, lvl, var] = $2 + 0
  }
  END {
    n = split("sum sum_positive sum_squares sum_chain", fams, " ")
    m = split("O0 O1 O2 O3 Os", lvls, " ")
    printf "%-14s %-5s %6s %6s %7s %8s\n", "family", "level", "iter", "fused", "manual", "helpers"
    for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
      printf "%-14s %-5s %6d %6d %7d %8d\n", fams[i], lvls[j], size[fams[i], lvls[j], "iter"],
             size[fams[i], lvls[j], "fused"], size[fams[i], lvls[j], "manual"], helpers[lvls[j]]
  }'
