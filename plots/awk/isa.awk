# ISA chart: per family, the fastest hotpath variant (stages baseline to
# asm; no library or limit) at each ISA cap, as its speedup over the
# family's reference measured in the same process (a ratio inside one run,
# with hotpath-stats' interval); one group of bars per family.

function row(   f, c) {
    f = col("family"); c = col("cap")
    if (!(f in fi)) { nf++; fi[f] = nf; fname[nf] = f }
    if (!(c in ci)) { nc++; ci[c] = nc; cname[nc] = c; ckey[nc] = cap_rank(c) }
    n++
    rf[n] = fi[f]; rc[n] = c; var[n] = col("variant"); stg[n] = col("stage"); sz[n] = col("size")
    ext[n] = col("extra"); tch[n] = col("touched"); lvl[n] = col("cache_level")
    thr[n] = col("thrpt"); med[n] = col("median_ns")
    spd[n] = col("speedup"); slo[n] = col("speedup_lo"); shi[n] = col("speedup_hi")
}

function cap_rank(c) {
    return c == "scalar" ? 0 : c == "sse2" ? 1 : c == "ssse3" ? 2 : c == "avx2" ? 3 : c == "avx512" ? 4 : \
           c == "v1" ? 5 : c == "v2" ? 6 : c == "v3" ? 7 : c == "v4" ? 8 : 9
}

function faster(k, b) {   # row k beats row b: more throughput, or less time
    return num(thr[k]) && num(thr[b]) ? thr[k] + 0 > thr[b] + 0 : med[k] + 0 < med[b] + 0
}

function finish(   nb, f, k, m, c, csz, ctch, size, ex, best, co, x, lo, hi, ymax, ymin, xt, fams, caps, nfo, w, desc) {
    for (c = 1; c <= nc; c++) co[c] = c
    sort_idx(co, ckey, nc, 1)
    for (c = 1; c <= nc; c++) { crank[co[c]] = c; caps = caps (c > 1 ? " " : "") cname[co[c]] }
    w = 0.8 / nc
    print "$D << EOD"
    for (f = 1; f <= nf; f++) {
        m = 0; ex = ""
        for (k = 1; k <= n; k++)
            if (rf[k] == f && stage_rank(stg[k]) <= 4) {
                m++; csz[m] = sz[k]; ctch[m] = tch[k]
                if (ex == "" || ext[k] == "-" || (ex != "-" && ext[k] < ex)) ex = ext[k]
            }
        if (m == 0) continue
        size = pick_size(csz, ctch, m)
        split("", best); desc = ""; nb = 0
        for (k = 1; k <= n; k++) {
            if (rf[k] != f || sz[k] != size || ext[k] != ex || stage_rank(stg[k]) > 4 || !num(spd[k]))
                continue
            c = ci[rc[k]]
            if (!(c in best)) { nb++; best[c] = k }
            else if (faster(k, best[c])) best[c] = k
        }
        if (nb < 2) continue   # measured at one cap only
        nfo++
        for (c = 1; c <= nc; c++) {
            if (!((c) in best)) continue
            k = best[c]
            x = (nfo - 1) + (crank[c] - (nc + 1) / 2) * w
            lo = num(slo[k]) ? slo[k] : spd[k]; hi = num(shi[k]) ? shi[k] : spd[k]
            if (hi + 0 > ymax) ymax = hi + 0
            if (ymin == "" || lo + 0 < ymin) ymin = lo + 0
            printf "%.4f\t%.6g\t%.6g\t%.6g\t%d\t%s\n", x, spd[k], lo, hi, crank[c], var[k]
        }
        xt = xt (xt == "" ? "" : ", ") "\"" fname[f] "\\n" (ex != "-" ? ex " " : "") "size " size "\" " (nfo - 1)
    }
    print "EOD"
    print "nfam = " nfo + 0 "; ncap = " nc
    print "caps = " q(caps)
    print "xtics_cmd = " q("set xtics (" xt ")")
    printf "ymin = %.6g; ymax = %.6g; boxw = %.4f\n", ymin == "" ? 1 : ymin, ymax == 0 ? 1 : ymax, w
}
