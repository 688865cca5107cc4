# Sourced by the assembly-fact tests (tests/test_*asm*.sh) once build=$1
# and src=$2 are set: the skip rule they share, the disassembly, and one
# way to report a fact.

# Facts hold for the plain Release build: -O0 or sanitizer instrumentation
# changes the code.  ctest treats exit 77 as skipped.
require_plain_release() {
  if [ "${HOTPATH_BUILD_TYPE:-}" != Release ] || grep -q 'HOTPATH_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
    echo "SKIP: ${1:-assembly facts hold for the plain Release build only}"
    exit 77
  fi
}

# Intel-syntax disassembly of one function of libhotpath.a.
disasm() { bash "$src/scripts/asm.sh" "$build" "$1"; }

# Its mnemonics, one per line.
mnemonics() { disasm "$1" | awk -F'\t' 'NF >= 2 {split($2, a, " "); print a[1]}'; }

# GNU, Clang, ...: the C compiler CMake found for this build.
compiler_id() {
  sed -n 's/^set(CMAKE_C_COMPILER_ID "\(.*\)")/\1/p' "$build"/CMakeFiles/*/CMakeCCompiler.cmake | head -1
}

fail=0
# check DESCRIPTION FUNCTION COMMAND...: a failing fact prints the function.
check() {
  local what=$1 fn=$2
  shift 2
  if "$@"; then
    echo "ok: $what"
  else
    echo "FAIL: $what; disassembly of $fn:"
    disasm "$fn"
    fail=1
  fi
}
