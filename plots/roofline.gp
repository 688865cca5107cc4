# The roofline of one run with the ceilings the run measured itself
# (scripts/roofline.sh writes the data into `arg`, a directory).
# Left: bytes touched per call against bytes touched per second, under the
# read and copy bandwidth of each cache level and DRAM (steps at the
# detected cache sizes); each family's best variant at each size.
# Right: the classic roofline of the FLOP families: FLOP per byte touched
# against GFLOP/s, under the FMA peak and each level's read bandwidth.
load plots.'/style.gp'
# the .dat files of scripts/roofline.sh are space-separated
set datafile separator whitespace
C = arg.'/roofline-ceilings.dat'
P = arg.'/roofline-points.dat'
PK = arg.'/roofline-peaks.dat'
FMA = system("awk '{print $1}' ".PK) + 0
SHUF = system("awk '{print $2}' ".PK) + 0
B = arg.'/roofline-best.dat'
NF = system("cat ".arg.'/roofline-best.count') + 0
do for [fmt in 'svg png'] {
  eval term(fmt)
  set multiplot layout 1,2 title sprintf('Roofline: measured ceilings (FMA %.0f GFLOP/s, shuffle %.0f GB/s)', FMA, SHUF)
  set logscale xy 2
  set grid
  set key top right font ',10'
  set xlabel 'bytes touched per call'
  set ylabel 'GB/s touched'
  set xtics autofreq
  set format x '%.0b%B'
  plot C using 1:3:($2-$1):(0) with vectors nohead lw 3 lc rgb '#d55e00' title 'read ceiling', \
       C using 1:4:($2-$1):(0) with vectors nohead lw 3 dt 2 lc rgb '#0072b2' title 'copy ceiling', \
       for [i=0:NF-1] B index i using 1:2 with linespoints pt 7 ps 0.8 title columnheader(1)
  set xlabel 'FLOP per byte touched'
  set ylabel 'GFLOP/s'
  set format x '%g'
  set xrange [0.05:64]
  set xtics ('1/16' 0.0625, '1/4' 0.25, '1' 1, '4' 4, '16' 16, '64' 64)
  set key bottom right
  rl(x, bw) = bw * x < FMA ? bw * x : FMA
  lv(n) = system(sprintf("awk 'NR == %d + 1 {print $3}' %s", n, C)) + 0
  plot for [n=1:4] rl(x, lv(n)) lw 2 title sprintf('%s read x intensity', word('L1 L2 L3 DRAM', n)), \
       '< awk ''$1 ~ /^(dot_f32|add_f32)$/ && $4 != "-"'' '.P using 4:5 with points pt 7 ps 0.8 lc rgb '#009e73' title 'dot, add (every variant, size)'
  unset multiplot
  unset xrange
}
