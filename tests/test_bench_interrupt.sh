#!/usr/bin/env bash
# An interrupted `make bench` (SIGINT to its process group, as Ctrl-C
# sends it) during the benchmarks, the statistics or the charts leaves the
# earlier run's results, the baselines, results/latest and the charts as
# they were, and no temporary file (issue 16).  A tiny suite (two
# benchmarks, a tiny hyperfine script, a gnuplot that waits; of the steps
# after the benchmarks the hyperfine step, the statistics and the charts:
# the roofline needs the ceiling benchmarks) keeps each run to seconds.
#   test_bench_interrupt.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
[ -x "$build/hotpath-bench" ] && [ -x "$build/hotpath-stats" ] || { echo "no build"; exit 77; }
if grep -q '^HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "skipped: a make-level test; the Release build runs it"
    exit 77
fi
for t in hyperfine gnuplot pgrep; do command -v $t >/dev/null || { echo "no $t"; exit 77; }; done
tmp=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -KILL -- -$pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; [ ! -f "$tmp/log" ] || tail -5 "$tmp/log"; exit 1; }
r=$tmp/results
cat >"$tmp/tiny.sh" <<'SH'
#!/usr/bin/env bash
set -euo pipefail
hyperfine -N --style none --runs 3 --export-json "$2/$3-hyperfine-tiny.json" true >/dev/null
SH
cat >"$tmp/slow-gnuplot" <<'SH'
#!/usr/bin/env bash
sleep 2
exec gnuplot "$@"
SH
chmod +x "$tmp/slow-gnuplot"
# bench RUN [make variables]: the tiny suite into $r, charts into $tmp/plots/RUN
bench() {
    local run=$1
    shift
    make -C "$src" --no-print-directory bench PREBUILT=1 BUILD="$build" RESULTS="$r" RUN="$run" \
        OUT="$tmp/plots/$run" SAVE_BASELINE=base HYPERFINE_SCRIPTS="$tmp/tiny.sh" \
        BENCH_ARGS="'--benchmark_filter=^(strlen/naive/64|sum_array/scalar/64)\$\$'" \
        REPS=2 MIN_TIME=0.01 STATS_ARGS='--resamples 2000' \
        BENCH_AFTER='bench-hyperfine stats plots' "$@"
}
state() { (cd "$tmp" && find results plots -type f -print0 | sort -z | xargs -0r md5sum); }

bench old >"$tmp/log" 2>&1 || fail "the first run failed"
[ "$(cat "$r/latest")" = old ] && [ -s "$r/baselines/base.json" ] && [ -s "$r/old.md" ] &&
    [ -s "$tmp/plots/old/index.html" ] || fail "the first run did not write everything"
ls "$r/baselines" | grep -v '^base.json$' && fail "a pending baseline stayed"
before=$(state)

# interrupt RUN WHEN VARIABLES...: start a bench, SIGINT its process group
# once WHEN (a command) holds, and check that the earlier state is intact
# (the interrupted runs' own complete files aside: a finished benchmark
# JSON stays, for `make stats RUN=...`).
interrupt() {
    local run=$1 when=$2
    shift 2
    set -m # the bench in a process group of its own, as a terminal's job
    bench "$run" "$@" >"$tmp/log" 2>&1 &
    pid=$!
    set +m
    local i hit=
    # up to 5 minutes: a loaded machine (ctest -j, other jobs) is slow.
    # The moment is remembered, not tested again: a chart's gnuplot may
    # have ended by then while make is still in the charts step.
    for i in $(seq 6000); do
        if eval "$when"; then hit=1; break; fi
        kill -0 $pid 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$hit" ] || fail "$run: never reached the moment to interrupt"
    kill -INT -- -$pid
    set +e; wait $pid; local rc=$?; set -e
    pid=
    [ $rc -ne 0 ] || fail "$run: make bench finished despite the interrupt"
    local now
    now=$(state | grep -v -e " results/during-" -e " plots/during-")
    [ "$now" = "$before" ] || fail "$run: the earlier state changed:
$(diff <(echo "$before") <(echo "$now"))"
    ! find "$tmp" -name '*.tmp.*' -o -name '*.pending-*' | grep . || fail "$run: temporaries left"
    if [ -e "$r/$run.md" ] || [ -e "$r/$run" ]; then
        [ -s "$r/$run.md" ] && [ -s "$r/$run/tables/samples.tsv" ] ||
            fail "$run: part of the statistics appeared"
    fi
}
in_session() { pgrep -g "$pid" -x "$1" >/dev/null; }
# during the benchmarks: Google Benchmark has printed its table header
interrupt during-bench 'grep -q "^Benchmark" "$tmp/log"' MIN_TIME=0.5
# during the statistics (made slow by many resamples)
interrupt during-stats 'in_session hotpath-stats' STATS_ARGS='--resamples 4000000 --threads 1'
# during the charts (each chart waits 2 s before it draws)
interrupt during-charts 'in_session gnuplot || in_session slow-gnuplot' GNUPLOT="$tmp/slow-gnuplot"
echo "make bench interrupted in three places: the earlier results, baseline, latest and charts intact"
