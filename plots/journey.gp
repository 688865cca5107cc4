# Journey: one family at one size, a bar per variant in journey order
# (baseline, algorithm, auto, simd levels, asm, then the library peer),
# median throughput (nanoseconds per item where the family counts items,
# not bytes; time per call where it counts neither) with
# its 95% interval, the speedup over the reference on each bar, and the
# limit (memcpy of the same bytes, measured in the same run) as a line.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = sprintf('%s: the journey at %s', family, sizedesc)
set print out.'.title'
print T
unset print

set title headline(T)
set ylabel (bytes ? sprintf('median throughput (%s), higher is better', unit) \
           : unit eq 'ns per item' ? 'median nanoseconds per item (the size counts items), lower is better' \
           : sprintf('median time per call (%s), lower is better', unit)).(logy ? ', log scale' : '')
set xlabel (reference ne '' ? sprintf('variant, in journey order; on each bar: speedup over the reference (%s)', reference) \
                            : 'variant (this family has no reference variant)')
if (logy) { set logscale y 10; set yrange [ymin / 2:ymax * 3] } else { set yrange [0:ymax * 1.15] }
set xrange [-0.6:nbars - 0.4]
set boxwidth 0.7
set xtics nomirror scale 0 norotate
if (nbars > 7) { set xtics rotate by 25 right offset 0, 0; set bmargin 10 }

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot table using 1:4:(stage_color(strcol(3))):xtic(2) with boxes lc rgb variable notitle, \
         '' using 1:5:(0):($6 - $5) with vectors heads size screen 0.006,90 ls 100 notitle, \
         '' using 1:6:7 with labels offset 0, 0.9 font ','.(FS - 1) notitle, \
         (limitname ne '' ? limit : NaN) with lines lc rgb LIMIT_COLOR lw 2 dt 2 \
             title (limitname ne '' ? sprintf('limit: %s, %.3g %s', limitname, limit, unit) : ''), \
         for [s in stages] NaN with boxes lc rgb stage_color(s) title (s eq 'other' ? 'no stage (outside the registry)' : s)
    unset output
}
