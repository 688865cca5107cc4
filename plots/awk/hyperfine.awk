# Hyperfine chart: whole programs (hyperfine.tsv), one bar per command,
# grouped by comparison, median wall time with its 95% interval and the
# ratio to the group's first command (above 1 = faster than it).

function row() {
    n++
    grp[n] = col("name"); cmd[n] = col("command")
    med[n] = col("median_s"); lo[n] = col("median_lo"); hi[n] = col("median_hi")
    rat[n] = col("ratio")
    if (!(grp[n] in first)) { first[grp[n]] = cmd[n]; ng++; gname[ng] = grp[n] }
}

function finish(   g, k, y, xmin, xmax, u, s, l, h) {
    for (k = 1; k <= n; k++) if (med[k] + 0 > xmax) xmax = med[k] + 0
    u = xmax >= 1 ? "s" : "ms"; s = u == "s" ? 1 : 1000
    print "unit = " q(u)
    print "$D << EOD"
    y = 0; xmax = 0
    for (g = ng; g >= 1; g--) {   # the first group on top
        for (k = n; k >= 1; k--) {
            if (grp[k] != gname[g]) continue
            l = num(lo[k]) ? lo[k] : med[k]; h = num(hi[k]) ? hi[k] : med[k]
            printf "%d\t%.6g\t%.6g\t%.6g\t%s\t%s\t%s\n", y, med[k] * s, l * s, h * s, g, grp[k] ": " cmd[k], \
                   sprintf("%.3g %s, %s", med[k] * s, u, cmd[k] == first[grp[k]] ? "the reference" : fmt_ratio(rat[k]))
            if (xmin == "" || l * s < xmin) xmin = l * s
            if (h * s > xmax) xmax = h * s
            y++
        }
        y++   # a gap between groups
    }
    print "EOD"
    printf "nrows = %d; xmin = %.6g; xmax = %.6g; ngroups = %d\n", y - 1, xmin, xmax, ng
    for (g = 1; g <= ng; g++) groups = groups (g > 1 ? " " : "") gname[g]
    print "groups = " q(groups)
}
