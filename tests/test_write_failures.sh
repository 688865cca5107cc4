#!/usr/bin/env bash
# Every program that writes results, when a write fails (a file-size limit,
# or a full tiny tmpfs where one can be mounted): a message, a non-zero
# exit, and no partial or temporary file (issue 16).  hotpath-bench's own
# cases are in test_hp_out.sh.
#   test_write_failures.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
for p in hotpath-stats b64 hp-writer; do [ -x "$build/$p" ] || { echo "no $build/$p"; exit 77; }; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# runs "$@" under a 2 KiB file-size limit, SIGXFSZ ignored as in `trap '' XFSZ`
# (and once more with it at its default: the programs ignore it themselves)
limited() { ( trap '' XFSZ; ulimit -f 2; exec "$@" ); }
limited_default() { ( ulimit -f 2; exec "$@" ); }
snapshot() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0r md5sum) ; }
no_temporaries() { ! find "$1" -name '*.tmp.*' | grep -q . || fail "$2: left $(find "$1" -name '*.tmp.*')"; }

# hotpath-stats: tables, summary and baseline all appear or none do
d=$tmp/stats
mkdir -p "$d"
cp "$src/tests/data/stats_run_a.json" "$d/run.json"
for how in limited limited_default; do
    before=$(snapshot "$d")
    set +e; $how "$build/hotpath-stats" --resamples 500 --results-dir "$d" --save-baseline b \
        "$d/run.json" >/dev/null 2>"$tmp/err"; rc=$?; set -e
    [ $rc -eq 1 ] || fail "hotpath-stats over the limit ($how): exit $rc, want 1"
    grep -q "File too large" "$tmp/err" || fail "hotpath-stats ($how): no reason: $(cat "$tmp/err")"
    [ "$(snapshot "$d")" = "$before" ] || fail "hotpath-stats ($how): files appeared: $(find "$d")"
    no_temporaries "$d" "hotpath-stats ($how)"
done
# a directory where the summary goes: refused before any table appears
mkdir "$d/run.md"
set +e; "$build/hotpath-stats" --resamples 500 "$d/run.json" >/dev/null 2>"$tmp/err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "hotpath-stats, run.md a directory: exit $rc"
grep -q "run.md: cannot write: exists and is not a regular file" "$tmp/err" ||
    fail "hotpath-stats, run.md a directory: $(cat "$tmp/err")"
[ ! -e "$d/run/tables" ] || fail "hotpath-stats, run.md a directory: tables written: $(ls "$d/run/tables")"
no_temporaries "$d" "hotpath-stats, run.md a directory"
rmdir "$d/run.md"
# standard output that cannot be written is an error too
set +e; "$build/hotpath-stats" --resamples 500 "$d/run.json" >/dev/full 2>"$tmp/err"; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "standard output" "$tmp/err" || fail "hotpath-stats >/dev/full: exit $rc"
# and with room, every file appears
"$build/hotpath-stats" --resamples 500 --results-dir "$d" --save-baseline b "$d/run.json" >/dev/null 2>&1
[ -s "$d/run.md" ] && [ -s "$d/run/tables/samples.tsv" ] && [ -s "$d/baselines/b.json" ] ||
    fail "hotpath-stats with room: outputs missing"
# an interruption at any moment: no temporary file, and the set whole or absent
rm -rf "$d/run" "$d/run.md" "$d/baselines"
"$build/hotpath-stats" --resamples 400000 --threads 1 --results-dir "$d" --save-baseline b \
    "$d/run.json" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM $pid 2>/dev/null || true
set +e; wait $pid; set -e
no_temporaries "$d" "hotpath-stats, SIGTERM"
if [ -e "$d/run.md" ] || [ -e "$d/baselines/b.json" ] || compgen -G "$d/run/tables/*.tsv" >/dev/null; then
    [ -e "$d/run.md" ] && [ -e "$d/baselines/b.json" ] && [ -e "$d/run/tables/samples.tsv" ] ||
        fail "hotpath-stats, SIGTERM: part of the outputs appeared: $(find "$d")"
fi

# b64: a write error is reported, exit 1 (its output is the caller's stream)
head -c 100000 /dev/urandom >"$tmp/in"
for how in limited limited_default; do
    set +e; $how "$build/b64" "$tmp/in" >"$tmp/in.b64" 2>"$tmp/err"; rc=$?; set -e
    [ $rc -eq 1 ] && grep -q "write error: File too large" "$tmp/err" ||
        fail "b64 over the limit ($how): exit $rc: $(cat "$tmp/err")"
done
set +e; "$build/b64" "$tmp/in" >/dev/full 2>"$tmp/err"; rc=$?; set -e
[ $rc -eq 1 ] && grep -q "No space left" "$tmp/err" || fail "b64 >/dev/full: exit $rc"

# hp-writer (the syscall programs the hyperfine step times)
for mode in raw-1 libc-1 stdio-1 raw-4k stdio-4k raw-all; do
    set +e; limited_default "$build/hp-writer" $mode 10000 "$tmp/w" 2>"$tmp/err"; rc=$?; set -e
    [ $rc -eq 1 ] && grep -q "write failed: File too large" "$tmp/err" ||
        fail "hp-writer $mode over the limit: exit $rc: $(cat "$tmp/err")"
done

# the hyperfine step (make bench-hyperfine): a failed export leaves the
# results directory as it was, with no staging directory
if command -v hyperfine >/dev/null; then
    r=$tmp/results
    mkdir -p "$r"
    echo old >"$r/x-hyperfine-tiny.json"
    cat >"$tmp/tiny.sh" <<'SH'
#!/usr/bin/env bash
set -euo pipefail
hyperfine -N --style none --runs 40 --export-json "$2/$3-hyperfine-tiny.json" true >/dev/null
SH
    before=$(snapshot "$r")
    set +e
    ( trap '' XFSZ; ulimit -f 1; make -s -C "$src" PREBUILT=1 bench-hyperfine BUILD="$build" \
        RESULTS="$r" RUN=x HYPERFINE_SCRIPTS="$tmp/tiny.sh" ) >"$tmp/out" 2>&1
    rc=$?
    set -e
    [ $rc -ne 0 ] || fail "bench-hyperfine over the limit: exit 0"
    [ "$(snapshot "$r")" = "$before" ] || fail "bench-hyperfine over the limit: results changed"
    ! compgen -G "$r/.hyperfine.tmp.*" >/dev/null || fail "bench-hyperfine: staging left"
    make -s -C "$src" PREBUILT=1 bench-hyperfine BUILD="$build" RESULTS="$r" RUN=x \
        HYPERFINE_SCRIPTS="$tmp/tiny.sh" >/dev/null 2>&1 || fail "bench-hyperfine with room failed"
    grep -q '"results"' "$r/x-hyperfine-tiny.json" || fail "bench-hyperfine with room: no JSON"
    ! compgen -G "$r/.hyperfine.tmp.*" >/dev/null || fail "bench-hyperfine: staging left"
else
    echo "skipped: the hyperfine step (hyperfine not installed)"
fi

# bench-instructions: a full disk (a tiny tmpfs, filled) where its JSON goes.
# Needs valgrind, a build without sanitizers and the right to mount.
if ! command -v valgrind >/dev/null; then
    echo "skipped: bench-instructions (no valgrind)"
elif grep -q '^HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "skipped: bench-instructions (valgrind cannot run a sanitizer build; the Release run covers it)"
elif ! unshare -m true 2>/dev/null; then
    echo "skipped: bench-instructions (cannot mount a tmpfs here: not root)"
else
    mkdir -p "$tmp/full"
    set +e
    unshare -m bash -c '
        mount -t tmpfs -o size=8k tmpfs "$1" || exit 3
        head -c 1M /dev/zero >"$1/fill" 2>/dev/null || true
        SIZES=64 JOBS=1 bash "$2/scripts/bench-instructions.sh" "$3" "$1/i.json" "^strlen/naive$" \
            >/dev/null 2>"$4/err"; rc=$?
        ls -A "$1" >"$4/left"
        exit $rc' _ "$tmp/full" "$src" "$build" "$tmp" >/dev/null 2>&1
    rc=$?
    set -e
    [ $rc -eq 1 ] || fail "bench-instructions on a full disk: exit $rc: $(cat "$tmp/err")"
    grep -q "No space left" "$tmp/err" || fail "bench-instructions on a full disk: $(cat "$tmp/err")"
    [ "$(cat "$tmp/left")" = fill ] || fail "bench-instructions on a full disk left: $(cat "$tmp/left")"
fi
echo "write failures: a message, a non-zero exit, nothing partial left"
