#!/usr/bin/env bash
# perf.sh BUILD stat|record KERNEL [SIZE] [RESULTS]: a perf session on
# build/hotpath-run (make perf, make perf-record).
#
# stat:   perf stat with hardware counters (cycles, instructions, IPC,
#         branches, misses) per call and per byte.  Without hardware
#         counters (most VMs, this machine) it says so in one line and falls
#         back to cachegrind's simulated caches and branch predictor, with
#         the ISA capped to what valgrind executes (AVX2).
# record: perf record with call graphs (hardware cycles, else the cpu-clock software
#         timer, and says which), then the top of perf report.
#
# Figures are per call and per unit of the size (input byte, element or
# operation, as the family defines it), per call of the kernel with the setup (process start, input
# preparation) subtracted: every measurement runs twice, with 1 call and
# with 1 + CALLS calls (--iterations), and reports the difference / CALLS.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build=$1 mode=$2 kernel=${3:-} size=${4:-} results=${5:-results}
calls=${CALLS:-10}
run=$build/hotpath-run
die() { echo "perf: $*" >&2; exit 1; }

[ -n "$kernel" ] || die "which kernel?  make perf KERNEL=family[/variant] [SIZE=n]  (build/hotpath-run --list names them)"
[ -x "$run" ] || die "$run is not built"
[[ $calls =~ ^[1-9][0-9]*$ ]] || die "CALLS must be a positive integer, got '$calls'"
size_args=()
[ -z "$size" ] || size_args=(--size "$size")

# 0 when the kernel exposes hardware counters to this user; perf prints
# "<not supported>" (exit status 0) when it does not.
counters() {
  command -v perf >/dev/null || return 1
  local out
  out=$(perf stat -x, -e instructions -- true 2>&1) || return 1
  ! grep -q '<not supported>\|<not counted>' <<<"$out"
}

# The correctness gate, natively (it is slow under valgrind): its
# "hotpath-run:" and "check:" lines, then the "input: <size> <unit>,
# <bytes> bytes per call" line of a 1-call run.
check_and_describe() { # HOTPATH_ISA value
  HOTPATH_ISA=$1 "$run" "$kernel" --check-only "${size_args[@]}" >"$tmp/check" || exit 1
  grep -E '^(hotpath-run|check):' "$tmp/check"
  HOTPATH_ISA=$1 "$run" "$kernel" --no-check --iterations 1 "${size_args[@]}" | grep -E '^input:' ||
    exit 1
}

isa_for_valgrind() {
  case "${HOTPATH_ISA:-}" in
    ''|v4|avx512) echo avx2 ;;   # valgrind 3.19 stops on AVX-512 instructions
    *) echo "$HOTPATH_ISA" ;;
  esac
}

# Stops with a clear message when the requested variant needs AVX-512.
refuse_avx512() { # cap
  [[ $kernel == */* ]] || return 0
  local line
  line=$(HOTPATH_ISA=$1 "$run" --list | awk -v k="$kernel" '$1 == k')
  [ -n "$line" ] || return 0   # unknown: hotpath-run says so itself
  if [[ $(awk '{print $2}' <<<"$line") == no ]] && grep -q 'excludes.*avx512' <<<"$line"; then
    die "$kernel needs AVX-512, which valgrind 3.19 cannot execute, so the cachegrind fallback cannot run it.  Use KERNEL=${kernel%%/*} (its best variant valgrind can run) or an AVX2 variant."
  fi
}

# "I1 cache: ..." descriptions; --LL from the detected L3 when its set count
# is a power of two (cachegrind's own guess on AMD CPUs can be far off).
ll_option() {
  local l3 sets
  l3=$("$build/hotpath-cpu" 2>/dev/null | sed -n 's/.*L3 \([0-9]*\) KiB.*/\1/p')
  [ -n "$l3" ] && [ "$l3" -gt 0 ] || return 0
  sets=$((l3 * 1024 / 64 / 16))
  [ $((sets & (sets - 1))) -eq 0 ] && echo "--LL=$((l3 * 1024)),16,64"
}

cachegrind_stat() {
  local cap desc ll
  cap=$(isa_for_valgrind)
  refuse_avx512 "$cap"
  command -v valgrind >/dev/null || die "valgrind is not installed either (scripts/deps.sh installs it)"
  desc=$(check_and_describe "$cap")
  ll=$(ll_option)
  for n in 1 $((calls + 1)); do
    HOTPATH_ISA=$cap LD_BIND_NOW=1 valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes \
      $ll --cachegrind-out-file="$tmp/cg.$n" \
      "$run" "$kernel" --no-check --quiet --iterations "$n" "${size_args[@]}" >"$tmp/log.$n" 2>&1 ||
      { cat "$tmp/log.$n" >&2; die "cachegrind run failed"; }
  done
  echo "$desc" | sed -n 's/^hotpath-run: /cachegrind: /p'
  echo "$desc" | sed -n 's/^\(check\|input\): */\1:      /p'
  echo "calls:      $calls (a $((calls + 1))-call run minus a 1-call run: start-up and input preparation excluded)"
  grep '^desc:' "$tmp/cg.1" | sed 's/^desc: */simulated:  /'
  awk -v calls="$calls" -v d="$desc" '
    BEGIN { # figures per unit of the size: per input byte, element or op
            match(d, /input: *[0-9]+ [a-z]+/); split(substr(d, RSTART, RLENGTH), u, " ")
            units = u[2] + 0; unit = u[3]; sub(/s$/, "", unit) }
    FNR == 1 { f++ }
    /^summary:/ { for (i = 2; i <= NF; i++) v[f, i - 1] = $i }
    END {
      split("Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw Bc Bcm Bi Bim", name, " ")
      for (i = 1; i <= 13; i++) per[name[i]] = (v[2, i] - v[1, i]) / calls
      row("instructions", per["Ir"])
      row("data reads + writes", per["Dr"] + per["Dw"])
      row("D1 misses", per["D1mr"] + per["D1mw"])
      row("LL misses", per["DLmr"] + per["DLmw"] + per["ILmr"])
      row("branches (cond + indirect)", per["Bc"] + per["Bi"])
      row("mispredicted", per["Bcm"] + per["Bim"])
    }
    function row(label, x,   by) {
      if (x < 0) x = 0  # two runs differ by an event or so in cold misses
      if (!hdr++) printf "%-28s %16s %14s\n", "", "per call", "per " unit
      by = units ? x / units : 0
      printf "%-28s %16.1f %14.4f\n", label, x, by
    }' "$tmp/cg.1" "$tmp/cg.$((calls + 1))"
}

perf_stat() {
  local events=cycles,instructions,branches,branch-misses,cache-references,cache-misses,L1-dcache-load-misses
  local desc
  desc=$(check_and_describe "${HOTPATH_ISA:-}")
  # Enough calls for about two seconds, measured natively.
  local per_call
  per_call=$("$run" "$kernel" --no-check --seconds 0.3 "${size_args[@]}" |
             sed -n 's/.* \([0-9.]*\) ns per call.*/\1/p')
  local n
  n=$(awk -v ns="${per_call:-0}" 'BEGIN { n = ns > 0 ? int(2e9 / ns) : 1000; print n < 1 ? 1 : n }')
  for k in 1 $((n + 1)); do
    perf stat -x, -e "$events" -o "$tmp/stat.$k" -- \
      "$run" "$kernel" --no-check --quiet --iterations "$k" "${size_args[@]}" >/dev/null
  done
  echo "$desc" | sed -n 's/^hotpath-run: /perf stat: /p'
  echo "$desc" | sed -n 's/^\(check\|input\): */\1:      /p'
  echo "calls:      $n (a $((n + 1))-call run minus a 1-call run: start-up and input preparation excluded)"
  awk -F, -v calls="$n" -v d="$desc" '
    BEGIN { # figures per unit of the size: per input byte, element or op
            match(d, /input: *[0-9]+ [a-z]+/); split(substr(d, RSTART, RLENGTH), u, " ")
            units = u[2] + 0; unit = u[3]; sub(/s$/, "", unit) }
    FNR == 1 { f++ }
    NF >= 3 && $1 ~ /^[0-9.]+$/ { ev[$3] = 1; v[f, $3] = $1 }
    END {
      printf "%-28s %16s %14s\n", "", "per call", "per " unit
      n = split("cycles instructions branches branch-misses cache-references cache-misses L1-dcache-load-misses", order, " ")
      for (i = 1; i <= n; i++) {
        e = order[i]
        if (!(e in ev)) { printf "%-28s %16s\n", e, "not counted"; continue }
        x = (v[2, e] - v[1, e]) / calls; if (x < 0) x = 0; per[e] = x
        printf "%-28s %16.1f %14.4f\n", e, x, units ? x / units : 0
      }
      if (per["cycles"] > 0) printf "%-28s %16.2f\n", "IPC (instructions/cycle)", per["instructions"] / per["cycles"]
      if (per["branches"] > 0) printf "%-28s %15.2f%%\n", "branch miss rate", 100 * per["branch-misses"] / per["branches"]
    }' "$tmp/stat.1" "$tmp/stat.$((n + 1))"
}

perf_record() {
  command -v perf >/dev/null || die "perf is not installed (scripts/deps.sh installs linux-perf)"
  local name=${kernel//\//-} event
  mkdir -p "$results"
  local data=$results/perf-$name.data
  "$run" "$kernel" --check-only "${size_args[@]}" >&2
  if counters; then
    event=cycles
    echo "perf record: hardware cycles, call graphs (-g), 3 s of $kernel"
  else
    event=cpu-clock
    echo "perf record: no hardware counters here; recording a software-timer profile instead (cpu-clock: the timer interrupt samples where the time goes; no cycle, cache or branch events)"
  fi
  rm -f "$data" "$data.old"   # perf would keep the previous one as .old
  # DWARF unwinding: the Release build keeps no frame pointers (-O3 -g).
  perf record -q -e "$event" -F 999 --call-graph dwarf,4096 -o "$data" -- \
    "$run" "$kernel" --no-check --seconds 3 "${size_args[@]}" >/dev/null ||
    die "perf record failed (kernel.perf_event_paranoid=$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo ?))"
  perf report -i "$data" --stdio --no-children --percent-limit 1 2>/dev/null | grep -v '^$' | head -40
  echo "perf record: profile in $data (perf report -i $data; perf annotate -i $data <symbol>)"
}

case "$mode" in
  stat)
    if counters; then
      perf_stat
    else
      echo "perf: hardware counters not supported here ('perf stat -e instructions' says <not supported>); falling back to valgrind --tool=cachegrind (simulated caches and branch predictor, ISA capped to $(isa_for_valgrind))"
      cachegrind_stat
    fi ;;
  record) perf_record ;;
  *) die "mode must be stat or record, got '$mode'" ;;
esac
