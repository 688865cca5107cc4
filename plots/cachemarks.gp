# Vertical lines at the measuring machine's L1d/L2/L3 sizes (bytes on x),
# or a note when the run could not tell them.  Loaded by charts whose x
# axis is bytes; needs L1, L2, L3 and cachesource from data.sh.
if (L1 > 0 && L2 > 0 && L3 > 0) {
    set arrow 11 from L1, graph 0 to L1, graph 1 nohead dt 3 lw 1.5 lc rgb '#707070' back
    set arrow 12 from L2, graph 0 to L2, graph 1 nohead dt 3 lw 1.5 lc rgb '#707070' back
    set arrow 13 from L3, graph 0 to L3, graph 1 nohead dt 3 lw 1.5 lc rgb '#707070' back
    set label 11 sprintf('L1d %s', cachesize(L1)) at L1, graph 0.98 right rotate by 90 offset -0.9, 0 tc rgb '#505050'
    set label 12 sprintf('L2 %s', cachesize(L2)) at L2, graph 0.98 right rotate by 90 offset -0.9, 0 tc rgb '#505050'
    set label 13 sprintf('L3 %s (%s)', cachesize(L3), cachesource) at L3, graph 0.98 right rotate by 90 offset -0.9, 0 tc rgb '#505050'
} else {
    set label 11 'cache sizes unknown' at graph 0.02, graph 0.97 left tc rgb '#505050'
}
