# Sizes chart: throughput against size, one line per variant (and extra);
# in latency mode (pointer_chase) nanoseconds per load instead.  x is the
# bytes one call touches when the table says, so the caches can be marked.

function row(   k) {
    if (!first_cap()) return
    fam = col("family")
    take(++n)
    if (!num(tch[n])) notouch = 1
    if (!num(thr[n])) nothr = 1
    else if (unit[n] != "GB/s") items = 1
    k = var[n] (ext[n] != "-" ? "/" ext[n] : "")
    lab[n] = k
    if (!(k in sidx)) { ns++; sidx[k] = ns; sname[ns] = k; sstage[ns] = stg[n]; skey[ns] = journey_key(stg[n], var[n], ext[n]) }
}

# y of row k and its interval, in the chart's unit: sets y, ylo, yhi.
function yval(k) {
    if (mode == "latency" || (items && !nothr)) {   # Gitem/s = items per ns: ns per item is its inverse
        y = 1 / thr[k]; ylo = num(thi[k]) ? 1 / thi[k] : y; yhi = num(tlo[k]) ? 1 / tlo[k] : y
    } else if (!nothr) {
        y = thr[k]; ylo = num(tlo[k]) ? tlo[k] : y; yhi = num(thi[k]) ? thi[k] : y
    } else {
        y = med[k] * tscale; ylo = num(mlo[k]) ? mlo[k] * tscale : y; yhi = num(mhi[k]) ? mhi[k] * tscale : y
    }
}

function finish(   s, k, m, c, order, xs, xkey, u, xmin, xmax, ymin, ymax, tmax) {
    tmax = 0
    for (k = 1; k <= n; k++) if (med[k] + 0 > tmax) tmax = med[k] + 0
    u = mode == "latency" ? "ns per load" : nothr ? time_unit(tmax) : items ? "ns per item" : "GB/s"
    for (s = 1; s <= ns; s++) order[s] = s
    sort_idx(order, skey, ns, 0)
    print "family = " q(fam)
    print "unit = " q(u)
    print "bytes = " (nothr || items ? 0 : 1)
    print "xbytes = " (notouch ? 0 : 1)
    print "nseries = " ns
    names = ""; stages = ""
    print "$D << EOD"
    for (c = 1; c <= ns; c++) {
        s = order[c]
        names = names (c > 1 ? " " : "") sname[s]
        stages = stages (c > 1 ? " " : "") (sstage[s] == "-" ? "other" : sstage[s])
        dts = dts (c > 1 ? " " : "") (++instage[sstage[s]])
        m = 0
        for (k = 1; k <= n; k++) if (lab[k] == sname[s]) { m++; xs[m] = k; xkey[k] = notouch ? sz[k] : tch[k] }
        sort_idx(xs, xkey, m, 1)
        for (k = 1; k <= m; k++) {
            yval(xs[k])
            printf "%.0f\t%.6g\t%.6g\t%.6g\n", xkey[xs[k]], y, ylo, yhi
            if (xmin == "" || xkey[xs[k]] + 0 < xmin) xmin = xkey[xs[k]] + 0
            if (xkey[xs[k]] + 0 > xmax) xmax = xkey[xs[k]] + 0
            if (ymin == "" || ylo + 0 < ymin) ymin = ylo + 0
            if (yhi + 0 > ymax) ymax = yhi + 0
        }
        printf "\n\n"
    }
    print "EOD"
    print "names = " q(names)
    print "stages = " q(stages)
    print "dts = " q(dts)
    printf "xmin = %.0f; xmax = %.0f; ymin = %.6g; ymax = %.6g\n", xmin, xmax, ymin, ymax
    print "logy = " (ymin > 0 && ymax / ymin > 20 ? 1 : 0)
    print "xtics_cmd = " q(log2_tics(xmin, xmax, !notouch))
}
