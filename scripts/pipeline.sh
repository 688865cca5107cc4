#!/usr/bin/env bash
# pipeline.sh BUILD SYMBOL: one kernel at every stage of the compilation
# pipeline, like a local Compiler Explorer:
#   1. its C source (the function, from the file and line the compiler saw)
#   2. clang's LLVM IR before optimization (-O0) and after (the level the
#      build compiled it at: -O3 for Release, -O0 for a *_O0.c file, ...)
#   3. the Intel-syntax assembly the build's own compiler emits (-S)
#   4. the machine code in BUILD/libhotpath.a: addresses, bytes, relocations
# Stages 2 and 3 recompile the kernel's file with the exact command from
# BUILD/compile_commands.json (include paths, ISA flags, level).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: pipeline.sh BUILD SYMBOL (e.g. hp_sum_array_auto)" >&2; exit 2; }
build=$1 func=$2
lib=$build/libhotpath.a
[ -f "$lib" ] || { echo "pipeline.sh: $lib not built" >&2; exit 1; }

# The archive member that defines the symbol: "lib.a:member.o:addr T sym".
member=$(nm -A "$lib" 2>/dev/null | awk -v s="$func" '$NF == s && $(NF-1) == "T" && !n++ {print $1}' |
         sed -E 's/^.*\.a:([^:]*):.*$/\1/')
if [ -z "$member" ]; then
  echo "pipeline.sh: no function '$func' in $lib; kernels are named hp_<family>_<variant>:" >&2
  nm "$lib" 2>/dev/null | awk '$2 == "T" && $3 ~ /^hp_/ {print "  " $3}' | sort -u | head -20 >&2
  echo "  ... (make asm lists them all in $build/asm/)" >&2
  exit 1
fi

# Its compile command (JSON string unescaped) and source file.
cmd=$(awk -v m="/$member -c " '
  /"command":/ && index($0, "-o CMakeFiles/hotpath.dir/") && index($0, m) && !n++ {
    c = $0; sub(/^[^:]*: "/, "", c); sub(/",?$/, "", c); gsub(/\\"/, "\"", c); gsub(/\\\\/, "\\", c)
    print c }' "$build/compile_commands.json")
[ -n "$cmd" ] || { echo "pipeline.sh: $member not in $build/compile_commands.json" >&2; exit 1; }
eval "set -- $cmd"
cc=$1; shift
args=() srcfile="" level=-O0
while [ $# -gt 0 ]; do
  case $1 in
    -o) shift ;;                       # the object file: each stage picks its own output
    -c) shift; srcfile=$1 ;;
    -g) ;;                             # debug info only adds noise to IR and assembly
    -O*) level=$1 ;;                   # the last -O wins, as in the compiler
    *) args+=("$1") ;;
  esac
  shift
done

section() { printf '\n==== %s\n' "$*"; }

# 1. C source.  The preprocessed file's line markers say where the
# definition (the line naming the function without a ';') came from, so a
# function whose name a macro builds (HP_FN(add) in basics.inc) is found.
section "1. C source: $func"
case $srcfile in
  *.S|*.s)
    echo "(hand-written assembly: $srcfile)"
    cat "$srcfile" ;;
  *)
    loc=$("$cc" "${args[@]}" "$level" -E "$srcfile" 2>/dev/null | awk -v f="$func" '
      /^# [0-9]+ "/ { line = $2 - 1; file = $3; gsub(/"/, "", file); next }
      { line++ }
      !found && $0 ~ ("(^|[^A-Za-z0-9_])" f "[ \t]*\\([^;{]*\\)[ \t]*({|$)") {
        print file ":" line; found = 1 }')
    if [ -z "$loc" ]; then
      echo "(definition not found in the preprocessed $srcfile)"
    else
      file=${loc%:*} line=${loc##*:}
      echo "($file, line $line; compiled as $srcfile at $level)"
      # The comment right above it, then the function up to its closing brace.
      awk -v start="$line" '
        NR < start { if ($0 ~ /^(\/\*| \*|\/\/)/) buf = buf $0 "\n"; else buf = ""; next }
        { printf "%s", buf; buf = ""; print
          t = $0; opened += gsub(/\{/, "", t); closed += gsub(/\}/, "", t)
          if (opened > 0 && closed >= opened) exit
          if (opened == 0 && NR >= start + 4) exit }' "$file"   # a macro that defines it
    fi ;;
esac

# 2. LLVM IR of the function only: from its "define" to the closing brace.
ir_of() { awk -v f="@$func(" 'index($0, "define ") == 1 && index($0, f) {on = 1} on {print} on && /^}/ {on = 0}'; }
case $srcfile in
  *.S|*.s) section "2. LLVM IR: none (hand-written assembly)" ;;
  *)
    if ! command -v clang >/dev/null 2>&1; then
      section "2. LLVM IR: skipped, clang is not installed (apt-get install clang)"
    else
      section "2a. LLVM IR before optimization: clang -O0 -S -emit-llvm"
      echo "(the front end's IR, before any optimization pass; -O0 also marks it optnone)"
      clang "${args[@]}" -w -O0 -S -emit-llvm -o - "$srcfile" | ir_of
      section "2b. LLVM IR after optimization: clang $level -S -emit-llvm"
      clang "${args[@]}" -w "$level" -S -emit-llvm -o - "$srcfile" | ir_of
    fi ;;
esac

# 3. The build compiler's own assembly, without directives (as Compiler
# Explorer shows it): the function's label up to its .size.
section "3. assembly: $(basename "$(readlink -f "$(command -v "$cc")")") $level -S -masm=intel"
case $srcfile in
  *.S|*.s) echo "(the source above is the assembly)" ;;
  *)
    "$cc" "${args[@]}" -w "$level" -S -masm=intel -fno-asynchronous-unwind-tables -o - "$srcfile" |
      awk -v f="$func:" '$0 == f {on = 1} on && /^\t\.size\t/ {on = 0}
                         on && !/^\t\.(p2align|align|type|globl|cfi_|section|text|file|loc)/ {print}' ;;
esac

# 4. Machine code as linked into libhotpath.a: address, bytes, instruction,
# and the relocations the linker will fill in.
section "4. machine code: objdump -d -r -M intel ($member in $lib)"
objdump -d -r -M intel --disassemble="$func" "$lib" 2>/dev/null |
  awk -v s="<$func>:" '$0 ~ s {on=1; print; next} on && /^$/ {on=0} on'
