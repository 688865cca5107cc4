#!/usr/bin/env bash
# Contradictory or empty options are refused with exit 2 and a message,
# not resolved by whichever came last (issue 16, items 7 and 9).
#   test_tool_options.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
for p in hotpath-run b64; do [ -x "$build/$p" ] || { echo "no $build/$p"; exit 77; }; done
fail() { echo "FAIL: $*"; exit 1; }
# expect_usage WANT_MESSAGE CMD...: exit 2 and the message on stderr, nothing on stdout
expect_usage() {
    local want=$1 out err rc
    shift
    set +e; out=$("$@" 2>/tmp/hp_opts_err.$$ </dev/null); rc=$?; set -e
    err=$(cat /tmp/hp_opts_err.$$); rm -f /tmp/hp_opts_err.$$
    [ $rc -eq 2 ] || fail "$*: exit $rc, want 2"
    [[ $err == *"$want"* ]] || fail "$*: message '$err', want '$want'"
    [ -z "$out" ] || fail "$*: printed '$out'"
}
expect_usage "--no-check and --check-only contradict" "$build/hotpath-run" strlen/naive --no-check --check-only
expect_usage "--no-check and --check-only contradict" "$build/hotpath-run" strlen/naive --check-only --no-check
expect_usage "--iterations and --seconds contradict" "$build/hotpath-run" strlen/naive --iterations 5 --seconds 1
expect_usage "--iterations and --seconds contradict" "$build/hotpath-run" strlen/naive --seconds 1 --iterations 5
expect_usage "--seconds wants a positive number" "$build/hotpath-run" strlen/naive --seconds ""
# each alone still works
"$build/hotpath-run" strlen/naive --check-only >/dev/null || fail "--check-only alone failed"
"$build/hotpath-run" strlen/naive --no-check --iterations 10 --quiet >/dev/null || fail "--iterations alone failed"

# a bad cap is named with the accepted values, as by every tool
for tool in "b64" "hotpath-run strlen/naive --check-only"; do
    expect_usage "HOTPATH_ISA='bogus' is not a known cap; accepted: v1|v2|v3|v4|scalar|sse2|ssse3|avx2|avx512" \
        env HOTPATH_ISA=bogus $build/$tool
done
echo "contradictions and bad values refused with exit 2"
