# The look every chart shares; each plots/<chart>.gp loads it first.
# Callers set (gnuplot -e): table (the chart's table, RUN/tables/charts/
# <chart>.tsv, written by hotpath-stats: docs/tables.md), out (the output
# path without extension) and plots (this directory).  A chart loads its
# table's scalars with  load '< bash '.plots.'/data.sh '.table  and plots
# the table's rows as they are.  Charts are 1200x800: SVG and PNG (pngcairo).

W = 1200
H = 800
FONT = 'DejaVu Sans'
FS = 13

# Sets the terminal and output of one format; a chart draws itself once
# per format:  do for [fmt in 'svg png'] { eval term(fmt); ...; plot ... }
# With tableout set (gnuplot -e), every plot goes to gnuplot's `set table`
# file instead: tests/test_plots.sh compares what is drawn with the table.
term(fmt) = exists('tableout') ? sprintf("set terminal dumb; set output '/dev/null'; set table '%s'", tableout) : \
    fmt eq 'svg' ? \
    sprintf("set terminal svg size %d,%d font '%s,%d' noenhanced background rgb 'white'; set output '%s.svg'", \
            W, H, FONT, FS, out) : \
    sprintf("set terminal pngcairo size %d,%d font '%s,%d' noenhanced background rgb 'white'; set output '%s.png'", \
            W, H, FONT, FS, out)

# Journey stages (shims/hotpath.h hp_stage) in a colour-blind-safe palette
# (Okabe-Ito): grey where the journey starts, warm to cold as it proceeds.
stage_color(s) = \
    s eq 'baseline'  ? 0x8c8c8c : \
    s eq 'algorithm' ? 0xe69f00 : \
    s eq 'auto'      ? 0x56b4e9 : \
    s eq 'simd'      ? 0x0072b2 : \
    s eq 'asm'       ? 0xcc79a7 : \
    s eq 'library'   ? 0x009e73 : \
    s eq 'limit'     ? 0xd55e00 : 0x4d4d4d

# ISA caps (HOTPATH_ISA), scalar to widest.
cap_color(c) = \
    c eq 'scalar' ? 0x8c8c8c : c eq 'sse2' ? 0xe69f00 : c eq 'ssse3' ? 0xf0e442 : \
    c eq 'avx2'   ? 0x56b4e9 : c eq 'avx512' ? 0x0072b2 : \
    c eq 'v1' ? 0xbdbdbd : c eq 'v2' ? 0xd9b26f : c eq 'v3' ? 0x7fb8d8 : c eq 'v4' ? 0x3b6e9e : 0x4d4d4d

# Verdicts of a baseline comparison (change.tsv).
verdict_color(v) = v eq 'improved' ? 0x009e73 : v eq 'regressed' ? 0xd55e00 : 0xa0a0a0

LIMIT_COLOR = 0xd55e00
ERR_COLOR = 0x202020

set datafile separator "\t"
# Each block of a chart table starts with its header line.
set datafile columnheaders
set datafile missing '-'
set border 3 lw 1.2 lc rgb '#404040'
set tics nomirror out scale 0.6
set grid ytics lc rgb '#dddddd' lw 1 dt 1
set key outside right top vertical Left reverse samplen 1.5 spacing 1.1
set style fill solid 0.9 border -1
# Error bars are drawn as vectors with flat heads (gnuplot's errorbars styles
# put a blank disc behind each point).
set style line 100 lc rgb '#202020' lw 1.2
set bmargin 5

# "chart — machine — date": the title every chart starts with.
headline(what) = sprintf("%s\n%s, run of %s", what, machine, rundate)

cachesize(b) = b >= 1048576 ? sprintf('%g MiB', b / 1048576.0) : sprintf('%g KiB', b / 1024.0)
