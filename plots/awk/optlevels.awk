# Optlevels chart: milestone 1's sum_array (O0 / scalar / auto) and
# milestone 2's iterator-vs-manual pairs at -O0, -O1, -Os, -O2, -O3, each
# family at its representative size; one panel per family.

function row(   f) {
    if (!first_cap()) return
    f = col("family")
    if (!(f in fi)) { nf++; fi[f] = nf; fname[nf] = f }
    take(++n)
    rf[n] = fi[f]
}

# Milestone 1's variants and how kernels/basics builds them.
function m1_label(v) {
    return v == "O0" ? "O0\\n-O0" : v == "scalar" ? "scalar\\n-O3, not\\nvectorized" : v == "auto" ? "auto\\n-O3" : v
}

function level_rank(e) { return e == "O0" ? 0 : e == "O1" ? 1 : e == "Os" ? 2 : e == "O2" ? 3 : e == "O3" ? 4 : 5 }

function finish(   f, k, m, csz, ctch, size, x, s, lo, hi, ymin, ymax, xt, seen, nx, kind, nser, ser, u, desc) {
    print "npanels = " nf
    print "$D << EOD"
    for (f = 1; f <= nf; f++) {
        m = 0
        for (k = 1; k <= n; k++) if (rf[k] == f) { m++; csz[m] = sz[k]; ctch[m] = tch[k] }
        size = pick_size(csz, ctch, m)
        split("", seen); nx = 0; xt = ""; ymin = ""; ymax = 0; desc = ""
        kind = "pairs"
        for (k = 1; k <= n; k++) if (rf[k] == f && ext[k] == "-") kind = "variants"
        for (k = 1; k <= n; k++) {
            if (rf[k] != f || sz[k] != size || !num(thr[k])) continue
            if (desc == "") desc = "size " size (num(tch[k]) ? " (" bytes(tch[k]) (lvl[k] != "?" ? ", " lvl[k] : "") ")" : "")
            u = unit[k]
            if (kind == "pairs") {   # x = the level, series = iter / manual
                x = level_rank(ext[k]); s = var[k] == "iter" ? 1 : 2
                if (!(ext[k] in seen)) { seen[ext[k]] = 1; xt = xt (xt == "" ? "" : ", ") "'-" ext[k] "' " x }
            } else {                 # x = the variant (O0, scalar, auto), one series
                x = var[k] == "O0" ? 0 : var[k] == "scalar" ? 1 : var[k] == "auto" ? 2 : 3; s = 3
                if (!(var[k] in seen)) { seen[var[k]] = 1; xt = xt (xt == "" ? "" : ", ") "\"" m1_label(var[k]) "\" " x }
            }
            lo = num(tlo[k]) ? tlo[k] : thr[k]; hi = num(thi[k]) ? thi[k] : thr[k]
            if (ymin == "" || lo + 0 < ymin) ymin = lo + 0
            if (hi + 0 > ymax) ymax = hi + 0
            printf "%.2f\t%.6g\t%.6g\t%.6g\t%d\n", x + (s == 1 ? -0.2 : s == 2 ? 0.2 : 0), thr[k], lo, hi, s
        }
        printf "\n\n"
        pan[f] = sprintf("fam_%d = %s; desc_%d = %s; xt_%d = %s; kind_%d = %s; unit_%d = %s; ymin_%d = %.6g; ymax_%d = %.6g", \
                         f, q(fname[f]), f, q(desc), f, q("set xtics (" xt ")"), f, q(kind), f, q(u), f, ymin, f, ymax)
    }
    print "EOD"
    for (f = 1; f <= nf; f++) print pan[f]
}
