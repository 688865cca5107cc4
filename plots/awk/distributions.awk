# Distributions chart: the per-repetition times of the benchmarks whose
# samples say most beyond their median: two modes first, then the most
# outliers, then the widest spread (MAD / median); at most two per family
# and 12 in all, each sample divided by its benchmark's median.

function row(   k) {
    if (file == "samples.tsv") {
        k = col("name") SUBSEP col("cap")
        ns[k]++; st[k, ns[k]] = col("time_ns")
        return
    }
    if (col("n") + 0 < 5 || !num(col("median_ns")) || col("median_ns") + 0 <= 0) return
    n++
    nm[n] = col("name"); cp[n] = col("cap"); fam[n] = col("family"); med[n] = col("median_ns")
    bim[n] = col("bimodal") == "yes"
    score[n] = (bim[n] ? 1000 : 0) + (num(col("outliers_pct")) ? col("outliers_pct") : 0) + \
               100 * (num(col("mad_ns")) ? col("mad_ns") : 0) / med[n]
}

function finish(   k, i, c, order, key, per, chosen, nch, j, r, names, caps1) {
    for (k = 1; k <= n; k++) { order[k] = k; key[k] = -score[k]; if (cp[k] != cp[1]) caps1 = 1 }
    sort_idx(order, key, n, 1)
    for (i = 1; i <= n && nch < 12; i++) {
        k = order[i]
        if (per[fam[k]] >= 2 || !((nm[k] SUBSEP cp[k]) in ns)) continue
        per[fam[k]]++; nch++; chosen[nch] = k; key2[nch] = nm[k]
    }
    for (i = 1; i <= nch; i++) order[i] = i
    sort_idx(order, key2, nch, 0)
    print "nbox = " nch
    print "$D << EOD"
    for (i = 1; i <= nch; i++) {
        k = chosen[order[i]]
        r = nm[k] SUBSEP cp[k]
        for (j = 1; j <= ns[r]; j++) printf "%d\t%.6g\n", i - 1, st[r, j] / med[k]
        names = names (i > 1 ? ", " : "") "'" nm[k] (caps1 ? " @" cp[k] : "") (bim[k] ? " (2 modes)" : "") "' " (i - 1)
    }
    print "EOD"
    print "xtics_cmd = " q("set xtics (" names ")")
}
