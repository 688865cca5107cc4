# Optimization levels: milestone 1's sum_array (-O0, scalar -O3 with the
# vectorizer off, auto -O3) and milestone 2's iterator-chain vs manual-loop
# pairs at -O0..-O3/-Os; one panel per family at its representative size,
# median throughput with 95% intervals (log scale: -O0 is far behind).
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = 'Optimization levels: iterator chain vs manual loop, and sum_array from -O0 to auto-vectorized'
set print out.'.title'
print T
unset print

cols = npanels <= 2 ? npanels : npanels <= 4 ? 2 : 3
rows = int((npanels + cols - 1) / cols)
set key inside top left box opaque
set logscale y 10
set xtics scale 0
series_color(s) = s == 1 ? 0xe69f00 : s == 2 ? 0x0072b2 : s == 4 ? 0xcc79a7 : 0x8c8c8c
series_name(s) = s == 1 ? 'iterator chain' : s == 2 ? 'manual loop' : s == 4 ? 'fused iterator' : 'variant'
set bmargin 3

do for [fmt in 'svg png'] {
    eval term(fmt)
    set multiplot layout rows, cols title headline(T)
    do for [p = 1:npanels] {
        eval value('xt_'.p)
        set title sprintf('%s, %s', value('fam_'.p), value('desc_'.p)) font ','.(FS - 1)
        set ylabel sprintf('throughput (%s), log', value('unit_'.p))
        set yrange [value('ymin_'.p) / 1.6:value('ymax_'.p) * 2.5]
        if (value('kind_'.p) eq 'pairs') {
            set xrange [-0.6:4.6]
            set key
            set boxwidth value('boxw_'.p)
            plot for [s in value('series_'.p)] table index (p - 1) using ($5 == int(s) ? $1 : NaN):2 \
                     with boxes lc rgb series_color(int(s)) title series_name(int(s)), \
                 table index (p - 1) using 1:3:(0):($4 - $3) with vectors heads size screen 0.006,90 ls 100 notitle
        } else {
            set xrange [-0.6:2.6]
            unset key
            set boxwidth 0.6
            plot table index (p - 1) using 1:2 with boxes lc rgb series_color(3) notitle, \
                 table index (p - 1) using 1:3:(0):($4 - $3) with vectors heads size screen 0.006,90 ls 100 notitle
        }
    }
    unset multiplot
    unset output
}
