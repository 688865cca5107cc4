# Branch prediction (milestone 7, branch_sum): time per element of each
# variant on random and on sorted input, at one size, with 95% intervals.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = sprintf('%s: branchy vs branch-free code on random and sorted input, %s', family, sizedesc)
set print out.'.title'
print T
unset print

set title headline(T)
set ylabel 'median nanoseconds per element, lower is better'
set xlabel 'variant, in journey order'
eval xtics_cmd
set xtics scale 0
set xrange [-0.6:nvar - 0.4]
set yrange [0:ymax * 1.15]
set boxwidth boxw * 0.95
extra_color(i) = i == 1 ? 0xd55e00 : i == 2 ? 0x0072b2 : 0x8c8c8c

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot for [i = 1:nextra] table using ($5 == i ? $1 : NaN):2 with boxes lc rgb extra_color(i) \
             title word(extras, i).' input', \
         table using 1:3:(0):($4 - $3) with vectors heads size screen 0.006,90 ls 100 notitle, \
         table using 1:4:6 with labels offset 0, 0.8 font ','.(FS - 2) notitle
    unset output
}
