# Change: each benchmark's median time against the saved baseline
# (hotpath-stats --baseline), in percent with its 95% interval; green =
# improved, red = regressed (significant beyond the noise threshold), grey =
# no change or within noise.  The 30 largest changes, significant first.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = sprintf('Change against the baseline: %d improved, %d regressed of %d (%d shown)', \
            nimproved, nregressed, ntotal, nshown)
set print out.'.title'
print T
unset print

set title headline(T)
set xlabel 'change of the median time, % (negative = faster), with 95% interval'
set ytics scale 0 font ','.(FS - 2)
set yrange [-0.7:nshown - 0.3]
span = xmax - xmin
set xrange [xmin - 0.08 * span - 1:xmax + 0.08 * span + 1]
set grid xtics noytics
set lmargin 48
set key at screen 0.6, screen 0.01 center bottom horizontal maxrows 1
set bmargin 6
set style fill solid 0.85 border -1
set arrow from 0, graph 0 to 0, graph 1 nohead lc rgb '#404040' lw 1.2 front

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot table using (0):1:(0):2:($1 - 0.35):($1 + 0.35):(verdict_color(strcol(5))):ytic(6) \
             with boxxyerror lc rgb variable notitle, \
         table using 3:1:($4 - $3):(0) with vectors heads size screen 0.006,90 ls 100 notitle, \
         for [v in 'improved regressed'] NaN with boxes lc rgb verdict_color(v) title v, \
         NaN with boxes lc rgb verdict_color('no-change') title 'no change or within noise'
    unset output
}
