#!/usr/bin/env bash
# make perf's two paths.  The cachegrind fallback for real when valgrind is
# here (one-line explanation, figures that match the loop: the scalar sum
# is 4 instructions and 1 branch per element); the perf-stat path with a
# stand-in perf on PATH whose counts grow by a known amount per call, so
# the per-call arithmetic is checked on machines without counters too.
set -uo pipefail
build=$1 src=$2
if grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "SKIP: valgrind cannot run ASan binaries"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fail=1; }

# The perf-stat path: "perf stat -x, -e E1,E2,... -o FILE -- cmd" writes
# 1000000 + calls * 1000 * k for the k-th event.
mkdir "$tmp/bin"
cat >"$tmp/bin/perf" <<'FAKE'
#!/usr/bin/env bash
[ "$1" = stat ] || exit 1
shift; out=/dev/stderr; events=
while [ "$1" != -- ]; do
  case "$1" in -o) out=$2; shift 2 ;; -e) events=$2; shift 2 ;; *) shift ;; esac
done
shift; calls=1 prev=
for a in "$@"; do [ "$prev" = --iterations ] && calls=$a; prev=$a; done
"$@" >/dev/null || exit 1
IFS=, read -ra ev <<<"$events"
k=1; for e in "${ev[@]}"; do echo "$((1000000 + calls * 1000 * k)),,$e,100.00,,"; k=$((k + 1)); done >"$out"
FAKE
chmod +x "$tmp/bin/perf"
out=$(PATH=$tmp/bin:$PATH bash "$src/scripts/perf.sh" "$build" stat sum_array/scalar 4000 2>&1)
if grep -qE '^cycles +1000\.0 +0\.2500$' <<<"$out" && grep -qE '^instructions +2000\.0 +0\.5000$' <<<"$out" &&
   grep -qE '^IPC \(instructions/cycle\) +2\.00$' <<<"$out"; then
  ok "perf stat path: per call and per element, IPC"
else
  bad "perf stat path:"; echo "$out"
fi

if perf stat -x, -e instructions -- true 2>&1 | grep -q 'not supported'; then
  if ! command -v valgrind >/dev/null; then
    echo "SKIP (part): valgrind is not installed"
    exit $fail
  fi
  out=$(bash "$src/scripts/perf.sh" "$build" stat sum_array/scalar 4096 2>&1)
  [ "$(grep -c 'not supported' <<<"$out")" -eq 1 ] && grep -q 'falling back to valgrind --tool=cachegrind' <<<"$out" &&
    ok "no counters: one line says so and names the fallback" || { bad "fallback line:"; echo "$out"; }
  # The scalar sum loads each element once and adds it with its own
  # instruction: one data access and at least one instruction per element
  # whatever the compiler (GCC's loop is 4 instructions and 1 branch per
  # element; clang unrolls it by 8: about 1.4 and 0.13).
  ins=$(awk '/^instructions / {print $NF}' <<<"$out")
  mem=$(awk '/^data reads/ {print $NF}' <<<"$out")
  br=$(awk '/^branches / {print $NF}' <<<"$out")
  if awk -v i="$ins" -v m="$mem" -v b="$br" \
      'BEGIN {exit !(m >= 0.99 && m <= 1.05 && i >= 1.0 && i <= 4.2 && b > 0.05 && b <= 1.05)}'; then
    ok "cachegrind: $mem accesses, $ins instructions and $br branches per element (scalar loop)"
  else
    bad "cachegrind figures:"; echo "$out"
  fi
  avx512=$("$build/hotpath-run" --list | awk '$1 ~ /avx512/ && $2 == "ok" {print $1; exit}')
  if [ -n "$avx512" ]; then
    out=$(bash "$src/scripts/perf.sh" "$build" stat "$avx512" 2>&1) && bad "$avx512 ran under valgrind" ||
      { grep -q 'needs AVX-512' <<<"$out" && ok "$avx512 is refused with the reason" || { bad "$avx512:"; echo "$out"; }; }
  fi
fi
exit $fail
