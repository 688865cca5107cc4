# Distributions: per-repetition times (samples.tsv) of the benchmarks whose
# spread says most (two modes, outliers, wide MAD), as box plots; each
# sample is divided by its benchmark's median so that all share one axis.
# Whiskers end at 1.5 IQR; points beyond them (Tukey's outliers) are drawn.
load plots.'/style.gp'
load '< bash '.plots.'/data.sh '.table

T = sprintf('Distributions: per-repetition times of the %d most spread benchmarks', nbox)
set print out.'.title'
print T
unset print

set title headline(T)
set ylabel 'time of one repetition / median of the benchmark'
set xlabel 'benchmark (most spread: two modes first, then outliers, then MAD / median)'
eval xtics_cmd
set xtics rotate by 20 right scale 0 font ','.(FS - 2)
set bmargin 11
set lmargin 22
set xrange [-0.6:nbox - 0.4]
set style boxplot outliers pointtype 7 range 1.5 candlesticks
set pointsize 0.8
set style data boxplot
set boxwidth 0.45
set key inside top right
set grid ytics

do for [fmt in 'svg png'] {
    eval term(fmt)
    plot for [i = 0:nbox - 1] table using (i):($1 == i ? $2 : NaN) with boxplot lc rgb '#0072b2' \
             fs solid 0.5 \
             title (i == 0 ? 'box: quartiles; whiskers: 1.5 IQR; filled dots: outliers' : ''), \
         table using ($1 + 0.33):2 with points pt 6 ps 0.7 lc rgb '#404040' title 'each repetition (beside its box)', \
         1 with lines lc rgb '#d55e00' dt 2 title 'the median'
    unset output
}
