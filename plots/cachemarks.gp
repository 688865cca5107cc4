# Vertical lines at the measuring machine's L1d/L2/L3 sizes (bytes on x),
# those within [xlo, xhi], or a note when the run could not tell them.
# Loaded by charts whose x axis is bytes; needs L1, L2, L3, cachesource
# (data.sh) and xlo, xhi (the chart's x range).
if (L1 > 0 && L2 > 0 && L3 > 0) {
    do for [i = 1:3] {
        b = i == 1 ? L1 : i == 2 ? L2 : L3
        if (b >= xlo && b <= xhi) {
            set arrow 10 + i from b, graph 0 to b, graph 1 nohead dt 3 lw 1.5 lc rgb '#707070' back
            set label 10 + i sprintf('%s %s%s', i == 1 ? 'L1d' : i == 2 ? 'L2' : 'L3', cachesize(b), \
                                     i == 3 ? ' ('.cachesource.')' : '') \
                at b, graph 0.98 right rotate by 90 offset -0.9, 0 tc rgb '#505050'
        }
    }
} else {
    set label 11 'cache sizes unknown' at graph 0.02, graph 0.97 left tc rgb '#505050'
}
