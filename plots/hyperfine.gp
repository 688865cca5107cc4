# Hyperfine: whole-program comparisons (bench/hyperfine/*.sh), median wall
# time per command with its 95% interval; each bar says its ratio to the
# first command of its group (above 1 = faster).  Log scale: the groups
# differ by orders of magnitude.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = 'Whole programs (hyperfine): median wall time per command'
set print out.'.title'
print T
unset print

set title headline(T)
set xlabel sprintf('median wall time (%s, log scale) with 95%% interval; label: ratio to the group''s first command', unit)
set logscale x 10
set xrange [xmin / 1.5:xmax * 5]
set yrange [-0.7:nrows + 0.7]
set ytics scale 0 font ','.(FS - 2)
set grid xtics noytics
set lmargin 40
set key outside right top title 'group (script)'
group_color(g) = g == 1 ? 0x0072b2 : g == 2 ? 0xe69f00 : g == 3 ? 0x009e73 : g == 4 ? 0xcc79a7 : 0x8c8c8c

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot table using (xmin / 1.5):1:(xmin / 1.5):2:($1 - 0.38):($1 + 0.38):(group_color($5)):ytic(6) \
             with boxxyerror lc rgb variable notitle, \
         table using 3:1:($4 - $3):(0) with vectors heads size screen 0.006,90 ls 100 notitle, \
         table using 4:1:7 with labels left offset 0.6, 0 font ','.(FS - 3) notitle, \
         for [g = 1:ngroups] NaN with boxes lc rgb group_color(g) title word(groups, g)
    unset output
}
