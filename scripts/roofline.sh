#!/usr/bin/env bash
# Every kernel against the ceilings the same run measured (family
# `ceiling`, bench/bench_ceilings.cc):
#   roofline.sh TABLES OUTDIR
# reads TABLES/*.tsv (hotpath-stats) and writes into OUTDIR:
#   ceilings.tsv  each ceiling beside its independent check (within 10%?)
#   roofline.tsv  each benchmark's fraction of its binding ceiling
#   roofline-*.dat the chart's data (plots/roofline.gp)
#
# A kernel's memory ceiling is the bandwidth, at the level its working set
# (bytes touched per call) lands in, of the access it makes: read for the
# families that only read, copy for those that also write an output.  Its
# compute ceiling: the FMA peak (FLOP/s) for dot_f32 (2 FLOP an element)
# and add_f32 (1); the shuffle peak for base64, counted as one full-width
# byte shuffle per output vector (every variant looks each output byte up
# in a table at least once).  The binding ceiling is the one the kernel is
# nearest to: fraction = max(bytes/s / bandwidth, work/s / peak).
set -euo pipefail
tables=$1 out=$2
[ -f "$tables/ceiling.tsv" ] || { echo "roofline: no $tables/ceiling.tsv: the run has no ceiling benchmarks" >&2; exit 2; }
mkdir -p "$out"

gawk -F'\t' -v out="$out" '
  function col(name) { return C[name] }
  FNR == 1 { for (i = 1; i <= NF; i++) C[$i] = i; next }
  # ceiling/<kind>_<isa>/<bytes> and the glibc checks ceiling/<fn>/<bytes>
  FILENAME ~ /\/ceiling\.tsv$/ {
    split($1, p, "/"); kind = p[2]; sub(/_[a-z0-9]+$/, "", kind)
    lvl = $col("cache_level"); g = $col("thrpt") + 0
    if (kind == "fma") { fma = g; fma_name = $1; next }        # GFLOP/s
    if (kind == "shuffle") { shuf = g; shuf_name = $1; next }   # GB/s
    # bytes touched per ns = GB/s
    bw[kind, lvl] = $col("touched") / $col("median_ns"); size[lvl] = $col("touched")
    if (p[2] ~ /_/) isa = substr(p[2], index(p[2], "_") + 1)
    next
  }
  FILENAME ~ /\/(cycles|context|samples|skipped|change|hyperfine|instructions)\.tsv$/ { next }
  # a kernel family
  $col("touched") != "-" && $col("touched") + 0 > 0 && $col("cache_level") != "?" && $col("median_ns") + 0 > 0 {
    n++; R[n] = $0
  }
  END {
    split("L1 L2 L3 DRAM", L, " ")
    f = out "/ceilings.tsv"
    print "ceiling\tlevel\tbytes\tGB_per_s\tcheck\tcheck_GB_per_s\tratio\twithin_10pct" > f
    chk["read"] = "memchr"; chk["write"] = "memset"; chk["copy"] = "memcpy"; chk["ntstore"] = "memset"
    for (l = 1; l <= 4; l++) for (k in chk) if ((k, L[l]) in bw) {
      # glibc streams its stores only past a threshold near the L3 size:
      # below DRAM sizes memset is no check of non-temporal stores
      if (k == "ntstore" && L[l] != "DRAM") {
        printf "%s_%s\t%s\t%d\t%.2f\tnone (glibc memset streams only past the L3)\t-\t-\t-\n", k, isa, L[l], size[L[l]], bw[k, L[l]] > f
        continue
      }
      c = bw[chk[k], L[l]]; r = c > 0 ? bw[k, L[l]] / c : 0
      printf "%s_%s\t%s\t%d\t%.2f\tglibc %s\t%.2f\t%.3f\t%s\n", k, isa, L[l], size[L[l]], bw[k, L[l]], chk[k], c, r, (r >= 0.9 && r <= 1.1) ? "yes" : "no" > f
    }
    printf "fma_%s\t-\t-\t%.2f GFLOP/s\tsee docs/explain.md (published FLOP per cycle x core GHz)\t-\t-\t-\n", isa, fma > f
    printf "shuffle_%s\t-\t-\t%.2f\tsee docs/explain.md (published shuffles per cycle x core GHz)\t-\t-\t-\n", isa, shuf > f

    # the steps of the memory ceilings over bytes touched (chart)
    s = out "/roofline-ceilings.dat"
    print "# lo_bytes hi_bytes read_GBps copy_GBps write_GBps ntstore_GBps level" > s
    lo = 16
    for (l = 1; l <= 4; l++) if (("read", L[l]) in bw) {
      hi = L[l] == "DRAM" ? size[L[l]] * 4 : size[L[l]] * 2
      printf "%d %d %.3f %.3f %.3f %.3f %s\n", lo, hi, bw["read", L[l]], bw["copy", L[l]], bw["write", L[l]], bw["ntstore", L[l]], L[l] > s
      lo = hi
    }
    printf "%.3f %.3f\n", fma, shuf > (out "/roofline-peaks.dat")

    t = out "/roofline.tsv"; d = out "/roofline-points.dat"
    print "name\tfamily\tvariant\tstage\tlevel\ttouched\tGB_per_s\tmemory_ceiling\tmemory_fraction\twork_per_s\tcompute_ceiling\tcompute_fraction\tbinding\tfraction" > t
    print "# family touched GBps work_per_byte work_rate stage variant" > d
    for (i = 1; i <= n; i++) {
      split(R[i], v, "\t")
      fam = v[col("family")]; lvl = v[col("cache_level")]; tb = v[col("touched")]; ns = v[col("median_ns")]
      sz = v[col("size")] + 0
      gbps = tb / ns
      acc = fam ~ /^(add_f32|base64_encode|base64_decode)$/ ? "copy" : "read"
      mc = (acc, lvl) in bw ? bw[acc, lvl] : 0
      mf = mc > 0 ? gbps / mc : -1
      work = -1; cc = 0; cname = "-"
      if (fam == "dot_f32") { work = 2 * sz / ns; cc = fma; cname = "fma" }       # GFLOP/s
      if (fam == "add_f32") { work = sz / ns; cc = fma; cname = "fma" }
      if (fam == "base64_encode") { work = 4 * int((sz + 2) / 3) / ns; cc = shuf; cname = "shuffle" } # output GB/s
      if (fam == "base64_decode") { work = 3 * int(sz / 4) / ns; cc = shuf; cname = "shuffle" }
      cf = cc > 0 && work >= 0 ? work / cc : -1
      bind = mf >= cf ? acc "@" lvl : cname; fr = mf >= cf ? mf : cf
      printf("%s\t%s\t%s\t%s\t%s\t%d\t%.3f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v[1], fam, v[col("variant")], v[col("stage")], lvl, tb, gbps, \
        mc > 0 ? sprintf("%.2f", mc) : "-", mf >= 0 ? sprintf("%.3f", mf) : "-", work >= 0 ? sprintf("%.3f", work) : "-", \
        cc > 0 ? sprintf("%.2f", cc) : "-", cf >= 0 ? sprintf("%.3f", cf) : "-", mf < 0 && cf < 0 ? "-" : bind, \
        mf < 0 && cf < 0 ? "-" : sprintf("%.3f", fr)) > t
      if (v[col("extra")] == "-")
        if (!((fam, tb) in best) || gbps > best[fam, tb]) best[fam, tb] = gbps
      if (v[col("extra")] == "-")
        printf("%s %d %.4f %s %s %s %s\n", fam, tb, gbps, work >= 0 ? sprintf("%.4f", work * ns / tb) : "-", work >= 0 ? sprintf("%.4f", work) : "-", v[col("stage")], v[col("variant")]) > d
    }
    # the fastest variant of each family at each size, one block per family
    b = out "/roofline-best.dat"; printf "" > b
    for (k in best) { split(k, q, SUBSEP); F[q[1]] = F[q[1]] " " q[2] }
    nf = asorti(F, fs)
    for (j = 1; j <= nf; j++) {
      print fs[j] > b
      m = split(substr(F[fs[j]], 2), xs, " "); asort(xs, xs, "@val_num_asc")
      for (x = 1; x <= m; x++) printf "%d %.4f\n", xs[x], best[fs[j], xs[x]] > b
      printf "\n\n" > b
    }
    print nf > (out "/roofline-best.count")
  }' "$tables/ceiling.tsv" "$tables"/*.tsv
