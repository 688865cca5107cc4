#!/usr/bin/env bash
# asm.sh BUILD [SYMBOL]: Intel-syntax disassembly of the kernels in
# BUILD/libhotpath.a.  With SYMBOL, print that function; without, write
# every hp_* function to BUILD/asm/<symbol>.s.
set -euo pipefail
build=$1 func=${2:-}
lib=$build/libhotpath.a
[ -f "$lib" ] || { echo "asm.sh: $lib not built" >&2; exit 1; }

# One function's body, without objdump's headers: the lines after its
# "<sym>:" label up to the blank line that ends it.
disasm() {
  objdump -d --no-show-raw-insn -M intel --disassemble="$1" "$lib" |
    awk -v s="<$1>:" '$0 ~ s {on=1; print; next} on && /^$/ {on=0} on'
}

if [ -n "$func" ]; then
  # grep reads to the end (no -q): an early exit would SIGPIPE nm and, under
  # pipefail, fail the pipe for a symbol that exists.
  if ! nm "$lib" 2>/dev/null | awk '$2 ~ /^[Tt]$/ {print $3}' | grep -x -- "$func" >/dev/null; then
    echo "asm.sh: no function '$func' in $lib (make asm lists them in $build/asm/)" >&2
    exit 1
  fi
  disasm "$func"
  exit 0
fi

mkdir -p "$build/asm"
n=0
for sym in $(nm "$lib" 2>/dev/null | awk '$2 == "T" && $3 ~ /^hp_/ {print $3}' | sort -u); do
  disasm "$sym" > "$build/asm/$sym.s"
  n=$((n + 1))
done
echo "asm.sh: $n functions in $build/asm/"
