# Sizes: one family's median throughput (time where it counts no bytes or
# items) against the bytes a call touches, one line per variant with its
# 95% interval, on a log2 axis with the machine's cache sizes marked.
# With mode latency (latency.gp, pointer_chase) it draws nanoseconds per load.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

latency = exists('mode') && mode eq 'latency'
T = latency ? sprintf('%s: latency of a dependent load against the working set', family) \
            : sprintf('%s: %s against size', family, bytes ? 'throughput' : unit eq 'ns per item' ? 'time per item' : 'time per call')
set print out.'.title'
print T
unset print

set title headline(T)
set ylabel (latency ? 'median nanoseconds per load, lower is better' \
           : bytes ? sprintf('median throughput (%s), higher is better', unit) \
           : unit eq 'ns per item' ? 'median nanoseconds per item, lower is better' \
           : sprintf('median time per call (%s), lower is better', unit)).(logy ? ', log scale' : '')
set xlabel latency ? 'working set (bytes of the pointer cycle), log2 scale' : (xbytes ? 'bytes touched per call (read + written), log2 scale' : 'size (the family''s unit), log2 scale')
set logscale x 2
eval xtics_cmd
xlo = xmin / 1.3
xhi = xmax * 1.3
set xrange [xlo:xhi]
if (logy) { set logscale y 10; set yrange [ymin / 1.5:ymax * 1.5] } else { set yrange [0:ymax * 1.1] }
set grid xtics ytics
if (xbytes) { load plots.'/cachemarks.gp' }

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot for [i = 1:nseries] table index (i - 1) using 1:2:3:4 with yerrorlines \
         lc rgb stage_color(word(stages, i)) dashtype int(word(dts, i)) lw 2 pt (4 + i) ps 1.2 title word(names, i)
    unset output
}
