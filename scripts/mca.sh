#!/usr/bin/env bash
# The hot loop of a function, from the built binary, through llvm-mca.
#   mca.sh model                      the -mcpu for this CPU and why
#   mca.sh loops BINARY SYMBOL        the function's innermost loops, one line each
#   mca.sh asm BINARY SYMBOL [K]      the hot loop (or candidate K) as llvm-mca input
#   mca.sh report BINARY SYMBOL [K]   the loop, llvm-mca's summary and bottleneck, and
#                                     "key: value" lines (mca_*) for scripts
#   mca.sh units FAMILY BINARY SYMBOL units of the family's size per iteration
#   mca.sh table BUILD [CYCLES.TSV]   every SIMD, asm and auto hot loop (and the ILP
#                                     chains): predicted against measured cycles per
#                                     unit (TSV; measured from hotpath-stats' cycles
#                                     table, at the largest size touching <= L1d/2);
#                                     MCA_ONLY=regex keeps the kernels it matches
# The hot loop: the function's innermost loops are the backward branches
# with no other backward branch inside (the body runs from the branch's
# target to the branch); of those, one closed by a conditional branch,
# then the one whose instructions are most often vector-register ones,
# then the longest.  MCA_CPU overrides the model.
set -euo pipefail

MCA=${MCA:-llvm-mca-14}
OBJDUMP=${OBJDUMP:-objdump}

die() { echo "mca.sh: $*" >&2; exit 2; }

# The LLVM 14 scheduling model nearest to the detected CPU: "cpu<TAB>why".
model() {
  if [ -n "${MCA_CPU:-}" ]; then printf '%s\tset by MCA_CPU\n' "$MCA_CPU"; return; fi
  local vendor fam mod
  vendor=$(awk -F': ' '/^vendor_id/{print $2; exit}' /proc/cpuinfo)
  fam=$(awk -F': ' '/^cpu family/{print $2; exit}' /proc/cpuinfo)
  mod=$(awk -F': ' '/^model[[:space:]]*:/{print $2; exit}' /proc/cpuinfo)
  local cpu why
  case $vendor:$fam in
    AuthenticAMD:23)
      if [ "$mod" -ge 48 ]; then cpu=znver2 why="Zen 2"; else cpu=znver1 why="Zen / Zen+"; fi ;;
    AuthenticAMD:25)
      # Zen 4: models 0x10-0x1f (Genoa), 0x60-0x7f (Raphael, Phoenix), 0xa0+ (Bergamo)
      if { [ "$mod" -ge 16 ] && [ "$mod" -le 31 ]; } || { [ "$mod" -ge 96 ] && [ "$mod" -le 127 ]; } ||
         [ "$mod" -ge 160 ]; then
        cpu=znver3 why="Zen 4; LLVM 14 has no znver4, znver3 is the nearest (no AVX-512 timings of its own)"
      else cpu=znver3 why="Zen 3"; fi ;;
    AuthenticAMD:26) cpu=znver3 why="Zen 5; LLVM 14's nearest is znver3" ;;
    GenuineIntel:6)
      case $mod in
        60|63|69|70) cpu=haswell why="Haswell" ;;
        61|71|79|86) cpu=broadwell why="Broadwell" ;;
        78|94|142|158|165|166) cpu=skylake why="Skylake client family" ;;
        85) cpu=skylake-avx512 why="Skylake-SP / Cascade Lake" ;;
        106|108) cpu=icelake-server why="Ice Lake server" ;;
        125|126|140|141) cpu=icelake-client why="Ice Lake / Tiger Lake client" ;;
        143|207) cpu=sapphirerapids why="Sapphire / Emerald Rapids" ;;
        151|154|183|186|191) cpu=alderlake why="Alder / Raptor Lake" ;;
        *) cpu=skylake why="unknown Intel model $mod; skylake as a generic modern core" ;;
      esac ;;
    *) cpu=skylake why="unknown CPU ($vendor family $fam); skylake as a generic modern core" ;;
  esac
  printf '%s\t%s (%s family %s model %s)\n' "$cpu" "$why" "$vendor" "$fam" "$mod"
}

# objdump of one function: "addr<TAB>instruction" lines.
disasm() {
  local bin=$1 sym=$2
  [ -r "$bin" ] || die "cannot read $bin"
  "$OBJDUMP" -d --no-show-raw-insn --disassemble="$sym" "$bin" 2>/dev/null | gawk -v sym="$sym" '
    /^[0-9a-f]+ <.*>:$/ { infn = ($2 == "<" sym ">:"); if (infn) found++; next }
    found > 1 { exit }                  # the first definition only
    infn && /^ *[0-9a-f]+:\t/ {
      line = $0; sub(/^ */, "", line)
      addr = substr(line, 1, index(line, ":") - 1)
      ins = substr(line, index(line, "\t") + 1)
      sub(/[ \t]*#.*$/, "", ins)         # objdump'\''s "# <target>" notes
      if (ins != "") print addr "\t" ins
    }'
}

# Candidate loops, hot first: "k start end instructions vector_instructions
# conditional" (addresses hex).
loops() {
  disasm "$1" "$2" | gawk -F'\t' '
    function hex(s) { return strtonum("0x" s) }
    { n++; A[n] = hex($1); I[n] = $2 }
    END {
      # backward branches: index i, target address T[i]
      for (i = 1; i <= n; i++)
        if (match(I[i], /^(j[a-z]+|loop[a-z]*)[ \t]+([0-9a-f]+)/, m) && hex(m[2]) <= A[i])
          T[i] = hex(m[2])
      k = 0
      for (i = 1; i <= n; i++) {
        if (!(i in T)) continue
        inner = 1
        for (j = 1; j < i; j++) if ((j in T) && T[j] >= T[i]) inner = 0
        if (!inner) continue
        cnt = 0; vec = 0; ret = 0
        for (x = 1; x <= i; x++) if (A[x] >= T[i]) {
          cnt++; if (I[x] ~ /%[xyz]mm/) vec++; if (I[x] ~ /^ret/) ret = 1
        }
        # a body that returns is not a loop but code laid out around one
        if (ret) continue
        # closed by a conditional branch (1) or by jmp (0), as loops that
        # run many times usually are; a jmp-closed one is often a tail
        cond = I[i] !~ /^jmp/
        L[++k] = sprintf("%x %x %d %d %d", T[i], A[i], cnt, vec, cond)
      }
      # hot first: conditional, then the largest share of vector-register
      # instructions (a SIMD main loop is mostly vector work; its head and
      # tail loops carry mask and length arithmetic), then longest
      for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) {
        split(L[a], p, " "); split(L[b], q, " ")
        dp = p[4] / p[3]; dq = q[4] / q[3]
        if (q[5] > p[5] || (q[5] == p[5] && (dq > dp || (dq == dp && q[3] > p[3]))))
          { t = L[a]; L[a] = L[b]; L[b] = t }
      }
      for (a = 1; a <= k; a++) print a, L[a]
    }'
}

# The loop as llvm-mca input: branch targets become labels, nops go.
loop_asm() {
  local bin=$1 sym=$2 want=${3:-1} start end
  read -r _ start end _ _ _ < <(loops "$bin" "$sym" | awk -v k="$want" '$1 == k') || true
  if [ -z "${start:-}" ]; then
    [ "$want" = 1 ] && die "$sym has no loop of its own in $bin (straight-line code, or its loop is in the functions it calls): nothing for llvm-mca to time"
    die "$sym: no loop candidate $want in $bin (mca.sh loops lists them)"
  fi
  disasm "$bin" "$sym" | gawk -F'\t' -v s="$start" -v e="$end" '
    function hex(x) { return strtonum("0x" x) }
    BEGIN { S = hex(s); E = hex(e) }
    { a = hex($1); if (a < S || a > E) next; n++; A[n] = a; I[n] = $2 }
    END {
      for (i = 1; i <= n; i++)
        if (match(I[i], /^((bnd |notrack )?(j[a-z]+|loop[a-z]*|call))[ \t]+([0-9a-f]+)( <[^>]*>)?$/, m)) {
          t = hex(m[4])
          if (t >= S && t <= E) { lab[t] = 1; I[i] = m[1] " L_" m[4] }
          else { I[i] = m[1] " L_out"; out = 1 }
        }
      for (i = 1; i <= n; i++) {
        if (A[i] in lab) printf "L_%x:\n", A[i]
        if (I[i] ~ /^(cs |ds |data16 )*(nop[wlq]?|xchg +%ax,%ax)( |$)/) continue
        gsub(/ <[^>]*>/, "", I[i])
        print I[i]
      }
      if (out) print "L_out:"
    }'
}

# Bytes the loop's first load advances per iteration: the add/sub/lea of
# that load's base or index register inside the loop, times the index
# scale.  "-" when the loop has no load or the advance is not a constant.
advance() {
  gawk '
    # sub $0xffffffffffffff80 is add $128: a 64-bit two'\''s complement
    # immediate, read from its low 32 bits (a double cannot hold 2^64 - 128)
    function num(x) {
      if (x ~ /^0xffffffff[0-9a-f]{8}$/) return -(4294967296 - strtonum("0x" substr(x, 11)))
      return x ~ /^-?0x/ ? strtonum(x) : x + 0
    }
    !first && match($0, /\((%[a-z0-9]+)?(,(%[a-z0-9]+)(,([1248]))?)?\)[^,]*,/, m) && $1 !~ /^lea/ {
      first = 1; base = m[1]; idx = m[3]; scale = m[5] == "" ? 1 : m[5]
    }
    { L[++n] = $0 }
    END {
      if (!first) { print "-"; exit }
      for (i = 1; i <= n; i++) {
        if (match(L[i], /^add[q]? +\$(0x[0-9a-f]+|[0-9]+),(%[a-z0-9]+)$/, m)) {
          if (m[2] == idx) { print num(m[1]) * scale; exit }
          if (m[2] == base) { print num(m[1]); exit }
        }
        if (match(L[i], /^sub[q]? +\$(0x[0-9a-f]+|[0-9]+),(%[a-z0-9]+)$/, m) && num(m[1]) < 0) {
          if (m[2] == idx) { print -num(m[1]) * scale; exit }
          if (m[2] == base) { print -num(m[1]); exit }
        }
        if (match(L[i], /^lea[q]? +(0x[0-9a-f]+|[0-9]+)\((%[a-z0-9]+)\),(%[a-z0-9]+)$/, m) && m[2] == m[3]) {
          if (m[3] == idx) { print num(m[1]) * scale; exit }
          if (m[3] == base) { print num(m[1]); exit }
        }
      }
      print "-"
    }'
}

report() {
  local bin=$1 sym=$2 k=${3:-1} cpu why asm out
  IFS=$'\t' read -r cpu why < <(model)
  asm=$(loop_asm "$bin" "$sym" "$k")
  # Every feature the loop may use: MC assembles only what -mattr allows,
  # and the scheduling model, not the feature list, sets the timings.
  mca() {
    "$MCA" -mtriple=x86_64-unknown-linux-gnu -mcpu="$1" \
      -mattr=+avx2,+fma,+bmi,+bmi2,+lzcnt,+popcnt,+avx512f,+avx512bw,+avx512vl,+avx512dq,+avx512cd,+avx512vbmi,+avx512vbmi2 \
      -iterations=200 -bottleneck-analysis -timeline=false -instruction-info=false \
      -resource-pressure=false <<<"$asm" 2>&1
  }
  # A model without AVX-512 (znver3, haswell, skylake) cannot time a zmm
  # loop: the nearest model that has AVX-512 timings does, and says so.
  if ! out=$(mca "$cpu"); then
    if grep -q 'unsupported instruction' <<<"$out" && [ "$cpu" != icelake-server ]; then
      why="$why; $cpu has no timings for this loop's AVX-512 instructions: icelake-server's model instead"
      cpu=icelake-server
      out=$(mca "$cpu") || die "llvm-mca failed on $sym: $out"
    else
      die "llvm-mca failed on $sym: $out"
    fi
  fi
  local iters cycles rthr ninsn bottleneck adv
  iters=$(awk '/^Iterations:/{print $2; exit}' <<<"$out")
  cycles=$(awk '/^Total Cycles:/{print $3; exit}' <<<"$out")
  rthr=$(awk '/^Block RThroughput:/{print $3; exit}' <<<"$out")
  ninsn=$(grep -cv '^L_' <<<"$asm")
  # "Resource Pressure 58%: Zn3FPP1 51%, ...; Register Dependencies 65%"
  bottleneck=$(awk '
    /No resource or data dependency bottlenecks discovered/ { print "none found (runs at its block throughput)"; exit }
    function pct(s) { sub(/.*\[ */, "", s); sub(/ *\].*/, "", s); return s }
    /^  Resource Pressure/ { sec = "res"; out = out (out ? "; " : "") "resource pressure " pct($0) ":"; nres = 0; next }
    /^  Data Dependencies/ { sec = "dep"; next }
    sec == "res" && /^  - / && nres < 2 { r = $0; sub(/^  - /, "", r); sub(/ +\[.*/, "", r); if (pct($0) + 0 > 0) out = out (nres++ ? "," : "") " " r " " pct($0); next }
    sec == "dep" && /^  - (Register|Memory) Dependencies/ { d = $0; sub(/^  - /, "", d); sub(/ +\[.*/, "", d); if (pct($0) + 0 > 0) out = out (out ? "; " : "") tolower(d) " " pct($0) }
    /^$/ { sec = "" }
    END { if (out != "") print out }' <<<"$out")
  adv=$(advance <<<"$asm")
  echo "== $sym: hot loop (candidate $k of $(loops "$bin" "$sym" | wc -l) innermost loops), $ninsn instructions"
  echo "$asm" | sed 's/^/    /'
  echo "== llvm-mca -mcpu=$cpu: $why"
  sed -n '/^Iterations:/,/^Block RThroughput:/p' <<<"$out" | sed 's/^/    /'
  sed -n '/^Cycles with backend pressure/,/^$/p;/^No resource or data/p;/^Critical sequence/,/^$/p' \
    <<<"$out" | sed 's/^/    /' | head -40
  echo "mca_model: $cpu"
  echo "mca_model_why: $why"
  echo "mca_instructions: $ninsn"
  echo "mca_block_rthroughput: $rthr"
  awk -v c="$cycles" -v i="$iters" 'BEGIN { printf "mca_cycles_per_iter: %.3f\n", c / i }'
  echo "mca_first_load_advance_bytes: $adv"
  echo "mca_bottleneck: ${bottleneck:-see above}"
}

# Units of the family's size per loop iteration: the first load's advance
# in bytes (bytes families), that over 4 (the float and int32 element
# families), or the chain instructions (ops: one imul or FMA per op).
units_per_iter() {
  local family=$1 adv=$2 asm=$3
  case $family in
    base64_encode|base64_decode|strlen) echo "$adv" ;;
    add_f32|dot_f32|max_f32|sum_array) [ "$adv" = - ] && echo - || echo $((adv / 4)) ;;
    ilp_*) grep -cE '^(imul|vfmadd)' <<<"$asm" || true ;;
    *) echo - ;;
  esac
}

table() {
  local build=$1 cycles=${2:-} lib=$1/libhotpath.a l1
  # L1d of the run (its context table beside cycles.tsv), else of this machine
  l1=$(awk -F'\t' '$1 == "hp_l1d_bytes" {print $2}' "$(dirname "${cycles:-.}")/context.tsv" 2>/dev/null || true)
  [ -n "$l1" ] && [ "$l1" -gt 0 ] 2>/dev/null ||
    l1=$("$build/hotpath-cpu" | sed -n 's/^caches: *L1d \([0-9]*\) KiB.*/\1/p' | awk '{print $1 * 1024}')
  printf 'kernel\tmodel\tinstructions\tcycles_per_iter\tunits_per_iter\tunit\tpredicted_cycles_per_unit\tmeasured_size\tmeasured_cycles_per_unit\tmeasured_over_predicted\tbottleneck\n'
  "$build/hotpath-run" --list | awk '
    $1 ~ /^(base64_encode|base64_decode|strlen|add_f32|dot_f32|max_f32)\// && $3 ~ /^(simd|asm|auto)$/ { print $1 }
    $1 == "sum_array/auto" || $1 ~ /^ilp_(imul|fma)\// { print $1 }' | grep -E "${MCA_ONLY:-.}" |
  while IFS=/ read -r family variant; do
    local r unit upi cpi pred size meas
    r=$(report "$lib" "hp_${family}_${variant}" 2>&1) || {
      printf '%s/%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t%s\n' "$family" "$variant" "$(tail -1 <<<"$r" | tr '\t' ' ')"; continue; }
    key() { sed -n "s/^$1: //p" <<<"$r"; }
    cpi=$(key mca_cycles_per_iter)
    upi=$(units_per_iter "$family" "$(key mca_first_load_advance_bytes)" "$(loop_asm "$lib" "hp_${family}_${variant}")")
    case $family in base64_*|strlen) unit=byte ;; ilp_*) unit=op ;; *) unit=element ;; esac
    pred=$(awk -v c="$cpi" -v u="$upi" 'BEGIN { if (u + 0 > 0) printf "%.4f", c / u; else print "-" }')
    # measured: the largest size of this kernel whose working set fills at
    # most half of L1 (the rest of the process needs some too; the ILP
    # chains touch no memory: their largest size)
    read -r size meas < <(awk -F'\t' -v n="$family/$variant/" -v l1="$l1" '
      NR > 1 && index($1, n) == 1 && $1 !~ /\/.*\/.*\// && ($8 == "-" || $8 + 0 <= l1 / 2) && $5 + 0 >= best {
        best = $5 + 0; m = $12 } END { if (best) print best, m; else print "-", "-" }' \
      "${cycles:-/dev/null}") || true
    printf '%s/%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$family" "$variant" \
      "$(key mca_model)" "$(key mca_instructions)" "$cpi" "$upi" "$unit" "$pred" "${size:--}" \
      "${meas:--}" "$(awk -v m="${meas:--}" -v p="$pred" 'BEGIN { if (m + 0 > 0 && p + 0 > 0) printf "%.2f", m / p; else print "-" }')" \
      "$(key mca_bottleneck)"
  done
}

case ${1:-} in
  model) model ;;
  loops) [ $# -eq 3 ] || die "usage: mca.sh loops BINARY SYMBOL"; loops "$2" "$3" ;;
  asm) [ $# -ge 3 ] || die "usage: mca.sh asm BINARY SYMBOL [K]"; loop_asm "$2" "$3" "${4:-1}" ;;
  report) [ $# -ge 3 ] || die "usage: mca.sh report BINARY SYMBOL [K]"; report "$2" "$3" "${4:-1}" ;;
  units) [ $# -eq 4 ] || die "usage: mca.sh units FAMILY BINARY SYMBOL"
    a=$(loop_asm "$3" "$4"); units_per_iter "$2" "$(advance <<<"$a")" "$a" ;;
  table) [ $# -ge 2 ] || die "usage: mca.sh table BUILD [CYCLES.TSV]"; table "$2" "${3:-}" ;;
  *) die "usage: mca.sh model | loops BIN SYM | asm BIN SYM [K] | report BIN SYM [K] | table BUILD [CYCLES.TSV]" ;;
esac
