#!/usr/bin/env bash
# make compare-builds: two builds of the kernels timed side by side in one
# process (docs/compare-builds.md).
#   compare-builds.sh [A] [B]
# A and B are each a git revision or a source directory; A defaults to
# HEAD, B to the working tree (this checkout, uncommitted changes
# included).  A revision is exported (git archive) to
# $BUILD/compare/src/<commit>; each tree is configured in
# $BUILD/compare/<key>-build and only its hotpath_shared target is built
# (libhotpath_shared.so); $BUILD/hotpath-compare, this tree's, loads both.
# Environment: BUILD (default build), RESULTS (results), RUN (default
# compare-<date>-<host>), JOBS, BENCH_ARGS (its --benchmark_filter=REGEX
# selects family/variant/size names), HOTPATH_QUICK=1 (short size lists),
# FAIL_ON_REGRESSION=PCT (exit 3 on a significant regression beyond PCT %),
# COMPARE_ARGS (more hotpath-compare options: --rounds, --budget, --fdr, ...).
# Exit status: 0 done, 1 a build or a measurement failed, 2 bad arguments,
# 3 a regression beyond FAIL_ON_REGRESSION.
set -euo pipefail
top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "compare-builds: run it inside the hotpath git checkout" >&2; exit 2; }
cd "$top"
build=${BUILD:-build} results=${RESULTS:-results} jobs=${JOBS:-$(nproc)}
run=${RUN:-compare-$(date +%Y%m%d-%H%M%S)-$(hostname -s)}
root=$build/compare
die() { echo "compare-builds: $*" >&2; exit "${2:-2}"; }

# resolve WHICH SPEC: sets src (a source tree), key (its build's name) and
# label (what the reports call it).
resolve() {
  local short
  which=$1 spec=$2
  if [ "$which" = B ] && { [ -z "$spec" ] || [ "$spec" = . ]; }; then
    src=$top key=worktree
    short=$(git rev-parse --short HEAD)
    if git diff --quiet HEAD -- 2>/dev/null && [ -z "$(git ls-files --others --exclude-standard)" ]; then
      label="working tree (clean, = $short)"
    else
      label="working tree ($short + uncommitted changes)"
    fi
  elif [ -d "$spec" ]; then
    src=$(cd "$spec" && pwd)
    [ -f "$src/CMakeLists.txt" ] && [ -f "$src/shims/hotpath.h" ] ||
      die "$which=$spec: a directory, but not a hotpath source tree (no CMakeLists.txt and shims/hotpath.h)"
    key=dir-$(basename "$src")-$(printf '%s' "$src" | md5sum | cut -c1-8)
    label="$spec (directory)"
  elif sha=$(git rev-parse --verify --quiet "${spec:-HEAD}^{commit}"); then
    short=${sha:0:12}
    src=$top/$root/src/$short key=$short
    label="${spec:-HEAD} ($short)"
    git show "$sha:CMakeLists.txt" 2>/dev/null | grep -q 'hotpath_shared' || no_target
  else
    die "$which=$spec: not a git revision or a directory"
  fi
  [ -n "${sha:-}" ] || grep -q 'hotpath_shared' "$src/CMakeLists.txt" || no_target
}
no_target() {
  die "$which=${spec:-HEAD}: that tree has no hotpath_shared target (it predates make compare-builds), so it cannot be loaded beside another build"
}

# export: a revision's tree into $src, once (both specs are checked first,
# so a bad B costs no export of A).
export_rev() {
  [ -z "${sha:-}" ] || [ -f "$src/.exported" ] && return 0
  rm -rf "$src.tmp"
  mkdir -p "$src.tmp"
  git archive --format=tar "$sha" | tar -x -C "$src.tmp" || die "git archive $sha failed" 1
  rm -rf "$src"
  mv "$src.tmp" "$src"
  touch "$src/.exported"
}

# build WHICH: libhotpath_shared.so of $src into $root/$key-build; sets lib.
build_lib() {
  local which=$1 dir=$top/$root/$key-build
  mkdir -p "$dir"
  local log=$dir/compare-build.log
  echo "compare-builds: building $which = $label in $root/$key-build" >&2
  if ! { cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release &&
         cmake --build "$dir" -j "$jobs" --target hotpath_shared; } >"$log" 2>&1; then
    tail -25 "$log" >&2
    die "building $which = $label failed (whole log: $log)" 1
  fi
  lib=$dir/libhotpath_shared.so
  [ -f "$lib" ] || die "building $which = $label made no $lib" 1
}

sha=; resolve A "${1:-HEAD}"; src_a=$src key_a=$key label_a=$label sha_a=$sha
sha=; resolve B "${2:-}"; src_b=$src key_b=$key label_b=$label sha_b=$sha
src=$src_a key=$key_a label=$label_a sha=$sha_a; export_rev; build_lib A; lib_a=$lib
if [ "$key_b" = "$key_a" ]; then
  lib_b=$lib_a
else
  src=$src_b key=$key_b label=$label_b sha=$sha_b; export_rev; build_lib B; lib_b=$lib
fi
[ -x "$build/hotpath-compare" ] || die "$build/hotpath-compare missing: make build first" 1

args=()
for a in ${BENCH_ARGS:-}; do
  case $a in
    --benchmark_filter=-*) die "BENCH_ARGS: a negative filter ($a) is not supported here" ;;
    --benchmark_filter=*) args+=(--filter "${a#--benchmark_filter=}") ;;
    *) echo "compare-builds: BENCH_ARGS: $a does not apply to paired rounds; ignored (COMPARE_ARGS sets rounds and budget)" >&2 ;;
  esac
done
[ "${HOTPATH_QUICK:-}" = 1 ] && args+=(--quick)
[ -n "${FAIL_ON_REGRESSION:-}" ] && args+=(--fail-on-regression "$FAIL_ON_REGRESSION")
mkdir -p "$results"
rc=0
# shellcheck disable=SC2086 # COMPARE_ARGS is a list of options
"$build/hotpath-compare" --a "$lib_a" --b "$lib_b" --a-name "$label_a" --b-name "$label_b" \
  --out "$results/$run" "${args[@]}" ${COMPARE_ARGS:-} || rc=$?
if [ $rc -eq 0 ] || [ $rc -eq 3 ]; then
  echo "$run" >"$results/latest"
fi
exit $rc
