#!/bin/bash
# The ratio columns (speedup, vs lib, vs lim) come from the paired
# comparison of the same two benchmarks when the run has one: the
# column is A/B time, the pair's ratio B/A, so the estimate is 1/ratio and
# the interval [1/ratio_hi, 1/ratio_lo] of paired.tsv (over every process,
# --replicate included).  Without a pair the column falls back to the
# independent medians and says so (speedup_src, "(m)", "independent
# medians").  Synthetic rounds added to tests/data/stats_run_a.json.
# Usage: test_stats_paired_cols.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
SRC=$2
STATS=$BUILD/hotpath-stats
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
command -v jq >/dev/null || { echo "jq not installed (scripts/deps.sh)"; exit 77; }

# naive (reference) : avx2 and memcpy (limit) : avx2 at 64 bytes, cap avx2
# as the file's context says; ratio = avx2's time over the other's.
rounds='[0.40, 0.41, 0.39, 0.42, 0.40, 0.38, 0.41, 0.40, 0.43, 0.37]'
pair() { # name a b process offset ratios
    printf '{"name": "%s", "family": "base64_encode", "a": "%s", "b": "%s", "size": 64,
             "repeat": 1, "process": %s, "offset": %s, "ratio": %s, "ns_a": %s, "ns_b": %s}' \
        "$1" "$2" "$3" "$4" "$5" "$6" "$6" "$6"
}
p1="[$(pair pair/base64_encode/naive:avx2/64 naive avx2 1 0 "$rounds"),
     $(pair pair/base64_encode/memcpy:avx2/64 memcpy avx2 1 0 "[2.0, 2.1, 1.9, 2.2, 2.05]")]"
jq --argjson p "$p1" '. + {hp_paired: $p}' "$SRC/tests/data/stats_run_a.json" >"$T/run.json" ||
    fail "jq"
cp "$SRC/tests/data/stats_run_a.json" "$T/plain.json"
printf '{"context": {"hp_isa_cap": "avx2"}, "hp_paired": [%s]}' \
    "$(pair pair/base64_encode/naive:avx2/64 naive avx2 2 24 '[0.44, 0.45, 0.43, 0.46, 0.44]')" \
    >"$T/proc2.json"

run() { # out-prefix args...
    local o=$1
    shift
    "$STATS" --resamples 4000 --results-dir "$T" "$@" >"$T/$o.txt" 2>"$T/$o.err" ||
        fail "hotpath-stats $* exited $?: $(cat "$T/$o.err")"
    "$STATS" --resamples 4000 --results-dir "$T" --format tsv "$@" >"$T/$o.tsv" 2>/dev/null
}

# col TSV NAME COLUMN: the value of a named column in the row of NAME.
col() {
    awk -F'\t' -v n="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i; next }
        $1 == n { print $k[c] }' "$1"
}
pcol() { awk -F'\t' -v n="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) k[$i] = i; next }
        $1 == n { print $k[c] }' "$T/run/tables/paired.tsv"; }
# inv X Y: X = 1/Y to the 6 digits both are printed with
inv() { awk -v x="$1" -v y="$2" 'BEGIN { d = x * y - 1; exit !(y > 0 && d < 2e-5 && d > -2e-5) }'; }

check_inverse() { # tsv column pair-name what
    local s lo hi r rlo rhi
    s=$(col "$1" base64_encode/avx2/64 "$2")
    lo=$(col "$1" base64_encode/avx2/64 "$2_lo")
    hi=$(col "$1" base64_encode/avx2/64 "$2_hi")
    r=$(pcol "$3" ratio)
    rlo=$(pcol "$3" ratio_lo)
    rhi=$(pcol "$3" ratio_hi)
    inv "$s" "$r" && inv "$lo" "$rhi" && inv "$hi" "$rlo" &&
        awk -v a="$lo" -v b="$hi" 'BEGIN { exit !(a < b) }' ||
        fail "$4: $2 [$lo $s $hi] is not 1/ratio of $3 ($r [$rlo $rhi])"
}

# 1. One process: speedup and vs_limit from the pairs, vs_peer from medians.
run one "$T/run.json"
tsv=$T/one.tsv
check_inverse "$tsv" speedup pair/base64_encode/naive:avx2/64 "one process"
[ "$(pcol pair/base64_encode/naive:avx2/64 ratio)" = 0.4 ] || fail "median of the rounds is not 0.4"
check_inverse "$tsv" vs_limit pair/base64_encode/memcpy:avx2/64 "one process"
[ "$(col "$tsv" base64_encode/avx2/64 speedup_src)" = paired ] || fail "speedup_src not paired"
[ "$(col "$tsv" base64_encode/avx2/64 vs_limit_src)" = paired ] || fail "vs_limit_src not paired"
[ "$(col "$tsv" base64_encode/avx2/64 vs_peer_src)" = medians ] ||
    fail "vs_peer without a pair is not from medians"
[ "$(col "$tsv" base64_encode/ssse3/64 speedup_src)" = medians ] ||
    fail "ssse3 has no pair: speedup_src should be medians"
[ "$(col "$tsv" base64_encode/naive/64 speedup_src)" = self ] ||
    fail "the reference against itself is not 'self'"
[ "$(col "$tsv" base64_encode/naive/64 vs_limit_src)" = medians ] ||
    fail "naive vs limit has no pair (memcpy:naive): should be medians"
head -1 "$tsv" | grep -q $'\tbimodal\tspeedup_src\tvs_peer_src\tvs_limit_src$' ||
    fail "the source columns are not the last three: $(head -1 "$tsv")"
[ "$(col "$T/run/tables/base64_encode.tsv" base64_encode/avx2/64 speedup_src)" = paired ] ||
    fail "tables/base64_encode.tsv lacks speedup_src"
grep -A8 -x 'base64_encode/avx2/64' "$T/one.txt" |
    grep -qE '^ +speedup: +\[[0-9.]+x 2\.5000x [0-9.]+x\] vs base64_encode/naive \(reference\), paired: 10 rounds$' ||
    fail "text: no 'speedup ... 2.5000x ..., paired: 10 rounds' for avx2: $(grep -A8 -x 'base64_encode/avx2/64' "$T/one.txt")"
grep -A8 -x 'base64_encode/avx2/64' "$T/one.txt" |
    grep -qE '^ +vs lib: .*\(library\), independent medians$' || fail "text: vs lib has no medians marker"
grep -qE '^\| `base64_encode/avx2/64` .*\| 2\.5x \[[0-9.]+x, [0-9.]+x\] \(p\) \|' "$T/run.md" ||
    fail "Markdown: no '2.5x [..] (p)' cell for avx2"
grep -qE '^\| `base64_encode/ssse3/64` .*x\] \(m\) \|' "$T/run.md" || fail "Markdown: no (m) cell"

# 2. The same run without its pairs: every column from medians, other values.
run plain "$T/plain.json"
for c in speedup_src vs_peer_src vs_limit_src; do
    [ "$(col "$T/plain.tsv" base64_encode/avx2/64 $c)" = medians ] || fail "no pair: $c not medians"
done
m=$(col "$T/plain.tsv" base64_encode/avx2/64 speedup)
[ -n "$m" ] && [ "$m" != "$(col "$tsv" base64_encode/avx2/64 speedup)" ] ||
    fail "the fallback speedup ($m) equals the paired one"
[ "$(col "$T/plain.tsv" base64_encode/ssse3/64 speedup)" = "$(col "$tsv" base64_encode/ssse3/64 speedup)" ] ||
    fail "a column without a pair changed when other pairs were added"
grep -A8 -x 'base64_encode/avx2/64' "$T/plain.txt" |
    grep -qE '^ +speedup: .*\(reference\), independent medians$' || fail "text: fallback not marked"

# 3. A second process (--replicate): the interval is the pair's over both.
run two "$T/run.json" --replicate "$T/proc2.json"
[ "$(pcol pair/base64_encode/naive:avx2/64 processes)" = 2 ] || fail "replicate not joined"
check_inverse "$T/two.tsv" speedup pair/base64_encode/naive:avx2/64 "two processes"
[ "$(col "$T/two.tsv" base64_encode/avx2/64 speedup)" != "$(col "$tsv" base64_encode/avx2/64 speedup)" ] ||
    fail "the replicate's rounds did not move the speedup"
grep -qE 'paired: 15 rounds$' "$T/two.txt" || fail "text: not 15 rounds over two processes"

[ $fails -eq 0 ] && echo "ok: paired ratio columns" || exit 1
