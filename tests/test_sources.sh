#!/usr/bin/env bash
# A variant's source file and CPU features have one source: its registry
# line names the file's stem, and the features come from the file's ISA
# suffix (CMakeLists.txt, hp_suffix_isa, through the generated
# hp_sources.h).  Checked here:
#   - every registry variant's symbol hp_<family>_<variant> is defined in
#     the object of the file hotpath-cpu names for it, and the checker
#     fails on a listing where one line names another file;
#   - a line naming a file that does not exist does not compile, and the
#     same line with the right stem does;
#   - the features come from the suffix: a probe compiled against the
#     registry macros gets AVX2's from an _avx2 stem, VBMI's from an .S
#     file's _avx512vbmi stem, and nothing from an unsuffixed one;
#   - the CPU layer includes nothing from shims/.
set -uo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

# "family/variant source" for every registry variant (peers live in bench/).
"$build/hotpath-cpu" | awk '$1 ~ /\// && $3 ~ /^kernels\// {print $1, $3}' >"$tmp/listing"
n=$(wc -l <"$tmp/listing")
[ "$n" -ge 100 ] || bad "hotpath-cpu lists only $n kernel variants with a source"
# object (file name) of every defined hp_ symbol in libhotpath.a
nm -A "$build/libhotpath.a" 2>/dev/null |
  awk -F'[: ]+' '$(NF-1) == "T" && $NF ~ /^hp_/ {sub(/\.o$/, "", $2); print $NF, $2}' \
  >"$tmp/defined"

# check LISTING: every line's symbol is defined in the object of its file.
check() {
  awk 'NR == FNR {where[$1] = $2; next}
       {split($1, fv, "/"); sym = "hp_" fv[1] "_" fv[2]; n = split($2, p, "/")
        if (where[sym] != p[n]) {print "  " $1 ": " sym " is in " (where[sym] ? where[sym] : "no file") ", the registry says " $2; bad = 1}}
       END {exit bad}' "$tmp/defined" "$1"
}
if check "$tmp/listing"; then
  ok "each of $n variants is defined in the file its registry line names"
else
  bad "a registry line names the wrong file (above)"
fi
# The same listing with one line pointing at another file must fail.
sed '0,/^dot_f32\/avx2 /s|kernels/simd/dot_f32_avx2.c|kernels/simd/dot_f32_scalar.c|' \
  "$tmp/listing" >"$tmp/wrong"
if cmp -s "$tmp/listing" "$tmp/wrong"; then
  bad "could not make the wrong listing (is dot_f32/avx2 registered?)"
elif check "$tmp/wrong" >/dev/null; then
  bad "a line naming dot_f32_scalar.c for dot_f32/avx2 passed the check"
else
  ok "a line naming dot_f32_scalar.c for dot_f32/avx2 is caught"
fi

# Registry lines compiled on their own, as shims/reg_*.c compiles them.
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
san=()
grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && san=(-fsanitize=address,undefined)
probe() { # NAME LINE: compiles a one-variant table; prints its features
  cat >"$tmp/$1.c" <<C
#include <stdio.h>
#include "registry.h"
#include "simd.h"
#include "base64.h"
#include "syscall.h"
static const hp_variant line[] = {$2};
int main(void) { printf("%llx %s\\n", (unsigned long long)line[0].features, line[0].source); return 0; }
C
  "$cc" "${san[@]}" -std=c17 -I"$src/shims" -I"$src/kernels" -I"$build/generated" "$tmp/$1.c" \
    "$build/libhotpath.a" -lm -lpthread -o "$tmp/$1" 2>"$tmp/$1.err" &&
    "$tmp/$1"
}
if probe nosuch 'HP_V(dot_f32, avx2, SIMD, dot_f32_nosuch, 0)' >/dev/null; then
  bad "a line naming a file that does not exist compiled"
elif grep -q 'HP_SRC_FEATURES_dot_f32_nosuch' "$tmp/nosuch.err"; then
  ok "a line naming a file that does not exist does not compile"
else
  bad "the missing-file line failed for another reason:"; cat "$tmp/nosuch.err"
fi
feats() { # C expression -> hex, through the same headers
  cat >"$tmp/f.c" <<C
#include <stdio.h>
#include "hotpath.h"
int main(void) { printf("%llx\\n", (unsigned long long)($1)); return 0; }
C
  "$cc" -std=c17 -I"$src/shims" -I"$src/kernels" "$tmp/f.c" -o "$tmp/f" && "$tmp/f"
}
expect() { # WHAT LINE WANT-EXPR
  local got want
  got=$(probe p "$2") || { bad "$1: did not compile"; cat "$tmp/p.err"; return; }
  want=$(feats "$3")
  if [ "${got%% *}" = "$want" ]; then ok "$1: features $want from ${got#* }"
  else bad "$1: features ${got%% *}, want $want ($3)"; fi
}
expect "an _avx2 file" 'HP_V(dot_f32, avx2, SIMD, dot_f32_avx2, 0)' HP_NEEDS_AVX2
expect "an .S file's _avx512vbmi suffix" \
  'HP_V(base64_encode, asm, ASM, base64_encode_asm_avx512vbmi, 0)' HP_NEEDS_AVX512VBMI
expect "an _auto file (the baseline vectorizer's SSE2)" 'HP_V(dot_f32, auto, AUTO, dot_f32_auto, 0)' \
  HP_NEEDS_SSE2
expect "an unsuffixed file" 'HP_V(strlen, swar, ALGORITHM, strlen_swar, 0)' 0

# Layers: the CPU layer (kernels/cpu) includes only kernels/ headers, never
# the registry's interface layer (shims/).
shims_used=$(cd "$src" && for f in kernels/cpu/*.[ch]; do
  sed -n 's/^#include "\(.*\)"/\1/p' "$f" | while read -r h; do
    [ -e "kernels/cpu/$h" ] || [ -e "kernels/$h" ] || echo "$f: $h"
  done
done)
if [ -z "$shims_used" ]; then ok "kernels/cpu includes only kernels/ headers"
else bad "kernels/cpu includes headers from outside kernels/: $shims_used"; fi
exit $fail
