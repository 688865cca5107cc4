# Change chart: relative change of each benchmark's median time against the
# baseline with its interval (change.tsv); the significant changes first,
# largest first, then the largest of the rest, 30 in all.

function row() {
    if (!num(col("change_pct"))) return
    n++
    nm[n] = col("name"); ch[n] = col("change_pct"); lo[n] = col("change_lo"); hi[n] = col("change_hi")
    vd[n] = col("verdict"); cp[n] = col("cap")
    if (vd[n] == "improved") nimp++
    if (vd[n] == "regressed") nreg++
    a = ch[n] < 0 ? -ch[n] : ch[n]
    key[n] = -((vd[n] == "improved" || vd[n] == "regressed" ? 1e9 : 0) + a)
    if (cp[n] != cp[1]) caps1 = 1
}

function finish(   k, i, order, m, sel, skey, xmin, xmax) {
    for (k = 1; k <= n; k++) order[k] = k
    sort_idx(order, key, n, 1)
    m = n < 30 ? n : 30
    for (i = 1; i <= m; i++) { sel[i] = order[i]; skey[order[i]] = ch[order[i]] }
    sort_idx(sel, skey, m, 1)
    print "nshown = " m "; ntotal = " n "; nimproved = " nimp + 0 "; nregressed = " nreg + 0
    print "$D << EOD"
    for (i = 1; i <= m; i++) {
        k = sel[i]
        printf "%d\t%.4f\t%.4f\t%.4f\t%s\t%s\n", i - 1, ch[k], num(lo[k]) ? lo[k] : ch[k], num(hi[k]) ? hi[k] : ch[k], \
               vd[k], nm[k] (caps1 ? " @" cp[k] : "")
        if (xmin == "" || lo[k] + 0 < xmin) xmin = lo[k] + 0
        if (xmax == "" || hi[k] + 0 > xmax) xmax = hi[k] + 0
    }
    print "EOD"
    printf "xmin = %.4f; xmax = %.4f\n", (xmin < 0 ? xmin : 0), (xmax > 0 ? xmax : 0)
}
