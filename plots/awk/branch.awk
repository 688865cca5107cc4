# Branch chart (milestone 7, branch_sum): nanoseconds per element of each
# variant on random and on sorted input at the family's representative
# size: a mispredicted branch costs on random data only.

function row() {
    if (!first_cap()) return
    fam = col("family")
    take(++n)
}

function finish(   k, size, nv, ne, vi, ei, vkey, order, c, x, y, lo, hi, ymax, desc, xt, el) {
    size = pick_size(sz, tch, n)
    for (k = 1; k <= n; k++) {
        if (sz[k] != size) continue
        if (desc == "") desc = size_desc(size, tch[k], lvl[k])
        if (!(var[k] in vi)) { nv++; vi[var[k]] = nv; vname[nv] = var[k]; vkey[nv] = journey_key(stg[k], var[k], "") }
        if (!(ext[k] in ei)) { ne++; ei[ext[k]] = ne; ename[ne] = ext[k] }
    }
    for (c = 1; c <= ne; c++) { eo[c] = c; ekey[c] = ename[c] }
    sort_idx(eo, ekey, ne, 0)
    for (c = 1; c <= ne; c++) { ei[ename[eo[c]]] = c; en2[c] = ename[eo[c]] }
    for (c = 1; c <= ne; c++) ename[c] = en2[c]
    for (c = 1; c <= nv; c++) order[c] = c
    sort_idx(order, vkey, nv, 0)
    for (c = 1; c <= nv; c++) { rank[order[c]] = c - 1; xt = xt (c > 1 ? ", " : "") "'" vname[order[c]] "' " (c - 1) }
    print "family = " q(fam)
    print "sizedesc = " q(desc)
    print "nvar = " nv "; nextra = " ne
    for (c = 1; c <= ne; c++) el = el (c > 1 ? " " : "") ename[c]
    print "extras = " q(el)
    print "xtics_cmd = " q("set xtics (" xt ")")
    print "$D << EOD"
    for (k = 1; k <= n; k++) {
        if (sz[k] != size) continue
        x = rank[vi[var[k]]] + (ei[ext[k]] - (ne + 1) / 2) * 0.8 / ne
        y = med[k] / sz[k]; lo = num(mlo[k]) ? mlo[k] / sz[k] : y; hi = num(mhi[k]) ? mhi[k] / sz[k] : y
        if (hi > ymax) ymax = hi
        printf "%.4f\t%.6g\t%.6g\t%.6g\t%d\t%.2f ns\n", x, y, lo, hi, ei[ext[k]], y
    }
    print "EOD"
    printf "ymax = %.6g; boxw = %.4f\n", ymax, 0.8 / ne
}
