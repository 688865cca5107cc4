# Journey chart: one bar per variant of one family at its representative
# size, in journey order; the limit (stage "limit") as a line.

function row() {
    if (!first_cap()) return
    fam = col("family")
    take(++n)
    spd[n] = col("speedup")
}

# The bar of row k: sets v, lo, hi.  GB/s as it is; Gitem/s as ns per item
# (its inverse: lower is better); no throughput: the median time per call.
function bar(k) {
    if (kind == "bytes") { v = thr[k]; lo = num(tlo[k]) ? tlo[k] : v; hi = num(thi[k]) ? thi[k] : v }
    else if (kind == "items") { v = 1 / thr[k]; lo = num(thi[k]) ? 1 / thi[k] : v; hi = num(tlo[k]) ? 1 / tlo[k] : v }
    else { v = med[k] * tscale; lo = num(mlo[k]) ? mlo[k] * tscale : v; hi = num(mhi[k]) ? mhi[k] * tscale : v }
}

function finish(   k, m, c, size, nb, bi, key, lim, limk, limname, u, tmax, stages, seen, ref, desc, lv, ymin, ymax) {
    m = 0
    for (k = 1; k <= n; k++)
        if (stg[k] != "limit") { m++; csz[m] = sz[k]; ctch[m] = tch[k] }
    size = pick_size(csz, ctch, m)
    kind = "bytes"; nb = 0; lim = "NaN"; limname = ""; tmax = 0
    for (k = 1; k <= n; k++) {
        if (sz[k] != size) continue
        if (!num(thr[k])) kind = "time"
        else if (unit[k] != "GB/s" && kind == "bytes") kind = "items"
        if (med[k] + 0 > tmax) tmax = med[k] + 0
        if (stg[k] == "limit") { if (limname == "") { limk = k; limname = var[k] } continue }
        nb++; bi[nb] = k; key[k] = journey_key(stg[k], var[k], ext[k])
        if (desc == "") { desc = size_desc(size, tch[k], lvl[k]) }
        if (ref == "" && spd[k] == "1" && stg[k] == "baseline") ref = var[k]
    }
    for (c = 1; c <= nb; c++)   # the reference opens the journey
        key[bi[c]] = (var[bi[c]] == ref ? "0 " : "1 ") key[bi[c]]
    sort_idx(bi, key, nb, 0)
    u = kind == "bytes" ? "GB/s" : kind == "items" ? "ns per item" : time_unit(tmax)
    print "family = " q(fam)
    print "unit = " q(u)
    print "bytes = " (kind == "bytes")
    print "sizedesc = " q(desc)
    print "reference = " q(ref)
    print "nbars = " nb
    print "$D << EOD"
    for (c = 1; c <= nb; c++) {
        k = bi[c]
        bar(k)
        if (hi + 0 > ymax) ymax = hi + 0
        if (ymin == "" || lo + 0 < ymin) ymin = lo + 0
        lv = var[k] (ext[k] != "-" ? " " ext[k] : "")
        printf "%d\t%s\t%s\t%.6g\t%.6g\t%.6g\t%s\n", c - 1, lv, stg[k], v, lo, hi, num(spd[k]) ? fmt_ratio(spd[k]) : " "
        if (!(stg[k] in seen)) { seen[stg[k]] = 1; stages = stages (stages == "" ? "" : " ") (stg[k] == "-" ? "other" : stg[k]) }
    }
    print "EOD"
    if (limname != "" && kind == "bytes") {
        lim = thr[limk]
        if (lim + 0 > ymax) ymax = lim + 0
        if (lim + 0 < ymin) ymin = lim + 0
    } else limname = ""
    print "limit = " lim
    print "limitname = " q(limname)
    print "logy = " (ymin > 0 && ymax / ymin > 40 ? 1 : 0)
    printf "ymin = %.6g; ymax = %.6g\n", ymin, ymax
    print "stages = " q(stages)
}
