#!/usr/bin/env bash
# hotpath-stats links no kernel (it reads stages, references and journey
# order from the result files' context): no hp_<family>_* symbol of the
# memory kernels, and no function that libhotpath.a defines.
set -uo pipefail
build=$1
stats=$build/hotpath-stats lib=$build/libhotpath.a
[ -x "$stats" ] && [ -f "$lib" ] || { echo "FAIL: $stats or $lib missing"; exit 1; }
fail=0
kern=$(nm "$stats" | grep -E ' hp_(base64|strlen|dot|add|sum|max)')
[ -z "$kern" ] || { echo "FAIL: kernel symbols in hotpath-stats:"; echo "$kern" | head; fail=1; }
# Every function or object libhotpath.a defines, against what hotpath-stats defines.
nm --defined-only "$lib" 2>/dev/null | awk 'NF == 3 && $2 ~ /[TDRB]/ { print $3 }' | sort -u >"${TMPDIR:-/tmp}/hp_lib.$$"
nm --defined-only "$stats" | awk 'NF == 3 && $2 ~ /[TDRBtdrb]/ { print $3 }' | sort -u |
  comm -12 - "${TMPDIR:-/tmp}/hp_lib.$$" >"${TMPDIR:-/tmp}/hp_both.$$"
[ "$(wc -l <"${TMPDIR:-/tmp}/hp_lib.$$")" -gt 100 ] || { echo "FAIL: libhotpath.a defines too few symbols to compare"; fail=1; }
if [ -s "${TMPDIR:-/tmp}/hp_both.$$" ]; then
  echo "FAIL: hotpath-stats defines libhotpath.a's symbols:"; head "${TMPDIR:-/tmp}/hp_both.$$"; fail=1
fi
rm -f "${TMPDIR:-/tmp}/hp_lib.$$" "${TMPDIR:-/tmp}/hp_both.$$"
[ $fail -eq 0 ] && echo "PASS: hotpath-stats links no kernel"
exit $fail
