# ISA caps: for each family, the fastest hotpath variant the registry offers
# at each HOTPATH_ISA cap (scalar .. avx512), as its speedup over the
# family's reference in the same process, with 95% intervals; the variant's
# name is written on its bar.  Data: make bench-isa (scripts/isa-sweep.sh).
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = 'ISA caps: the fastest variant each cap allows, as speedup over the reference'
set print out.'.title'
print T
unset print

set title headline(T)
set ylabel 'speedup over the family''s reference (same process), log scale'
set xlabel 'family and the size measured (the largest whose bytes touched fit L2)'
eval xtics_cmd
set xtics scale 0 font ','.(FS - 1)
set bmargin 7
set xlabel offset 0, -0.8
set logscale y 10
set yrange [(ymin < 1 ? ymin : 1) / 1.5:ymax * 3]
set xrange [-0.6:nfam - 0.4]
set boxwidth boxw * 0.95
set key title 'HOTPATH_ISA'
set grid noxtics ytics

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot for [i = 1:ncap] table using ($5 == i ? $1 : NaN):2 with boxes lc rgb cap_color(word(caps, i)) \
             title word(caps, i), \
         table using 1:3:(0):($4 - $3) with vectors heads size screen 0.006,90 ls 100 notitle, \
         table using 1:4:6 with labels rotate by 90 left offset 0, 0.5 font ','.(FS - 3) notitle, \
         1 with lines lc rgb '#404040' dt 2 notitle
    unset output
}
