# Shared by the chart data programs (plots/data.sh): reads context.tsv (the
# first file), then each table by its header's column names, calling the
# program's row() per data line and finish() at the end.  POSIX awk only.

FNR == 1 {
    nfile++
    split("", C)
    for (i = 1; i <= NF; i++)
        C[$i] = i
    file = FILENAME
    sub(/.*\//, "", file)
    next
}
nfile == 1 { ctx[$1] = $2; next }
{
    if (!(col("variant") in vorder)) vorder[col("variant")] = ++nvorder
    row()
}
END { context(); finish() }

# The field named `name` of the current line ("" when the table lacks it).
function col(name) { return (name in C) ? $(C[name]) : "" }

# True for the rows of the first ISA cap the table lists: a chart draws one
# cap (a make bench-isa table holds several).
function first_cap() {
    if (cap0 == "") cap0 = col("cap")
    return col("cap") == cap0
}

# The columns the charts read, into row n of the shared arrays.
function take(n) {
    var[n] = col("variant"); stg[n] = col("stage"); sz[n] = col("size")
    ext[n] = col("extra"); tch[n] = col("touched"); lvl[n] = col("cache_level")
    med[n] = col("median_ns"); mlo[n] = col("median_lo"); mhi[n] = col("median_hi")
    thr[n] = col("thrpt"); tlo[n] = col("thrpt_lo"); thi[n] = col("thrpt_hi"); unit[n] = col("thrpt_unit")
}

function num(s) { return s != "-" && s != "" && s != "nan" && s != "inf" }

# A gnuplot string literal.
function q(s) { gsub(/'/, "''", s); return "'" s "'" }

function context(   d, m) {
    m = ctx["hp_cpu_model"]
    print "machine = " q(m == "" ? "unknown CPU" : m)
    d = ctx["date"]
    if (d ~ /^[0-9-]+T[0-9:]+/) {
        sub(/T/, " ", d)
        d = substr(d, 1, 16) (d ~ /\+00:00$|Z$/ ? " UTC" : substr(d, 20))
    }
    print "rundate = " q(d == "" ? "date unknown" : d)
    L1 = num(ctx["hp_l1d_bytes"]) ? ctx["hp_l1d_bytes"] + 0 : 0
    L2 = num(ctx["hp_l2_bytes"]) ? ctx["hp_l2_bytes"] + 0 : 0
    L3 = num(ctx["hp_l3_bytes"]) ? ctx["hp_l3_bytes"] + 0 : 0
    printf "L1 = %.0f; L2 = %.0f; L3 = %.0f\n", L1, L2, L3
    print "cachesource = " q(ctx["hp_cache_source"])
}

# Journey order: the stage, then the order of the table (hotpath-stats
# writes rows in registry order, which puts the preferred path of a stage
# last), then the extra name part.
function stage_rank(s) {
    return s == "baseline" ? 0 : s == "algorithm" ? 1 : s == "auto" ? 2 : s == "simd" ? 3 : \
           s == "asm" ? 4 : s == "library" ? 5 : s == "limit" ? 6 : 7
}
function journey_key(stage, variant, extra) {
    return sprintf("%d %06d %s", stage_rank(stage), vorder[variant], extra)
}

# Sorts idx[1..n] by key[idx[i]] (numeric when numeric is set); n is small.
function sort_idx(idx, key, n, numeric,   i, j, t) {
    for (i = 2; i <= n; i++) {
        t = idx[i]
        for (j = i - 1; j >= 1 && (numeric ? key[idx[j]] + 0 > key[t] + 0 : key[idx[j]] > key[t]); j--)
            idx[j + 1] = idx[j]
        idx[j + 1] = t
    }
}

function bytes(b) {
    if (b >= 1073741824) return sprintf("%.3g GiB", b / 1073741824)
    if (b >= 1048576) return sprintf("%.3g MiB", b / 1048576)
    if (b >= 1024) return sprintf("%.3g KiB", b / 1024)
    return sprintf("%g B", b)
}

# The size that represents a family: the largest whose bytes touched fit L2
# (1 MiB when L2 is unknown), else the smallest; the largest when no size
# says what it touches.  sz[k]/tch[k], k = 1..n, are the candidate rows.
function pick_size(sz, tch, n,   k, lim, best, small, known) {
    lim = L2 > 0 ? L2 : 1048576
    best = ""; small = ""; known = 0
    for (k = 1; k <= n; k++) {
        if (small == "" || sz[k] + 0 < small + 0) small = sz[k]
        if (!num(tch[k])) continue
        known = 1
        if (tch[k] + 0 <= lim && (best == "" || sz[k] + 0 > best + 0)) best = sz[k]
    }
    if (!known) {
        for (k = 1; k <= n; k++)
            if (best == "" || sz[k] + 0 > best + 0) best = sz[k]
        return best
    }
    return best != "" ? best : small
}

# "size 16384 (37 KiB touched, L1)": what a chart's title says of a size.
function size_desc(size, touched, level) {
    if (!num(touched)) return "size " size
    return "size " size " (" bytes(touched) " touched" (level != "?" && level != "" ? ", in " level : "") ")"
}

# Time in ns scaled to a unit that suits `max`: sets tscale, returns the unit.
function time_unit(max) {
    if (max >= 1e9) { tscale = 1e-9; return "s" }
    if (max >= 1e6) { tscale = 1e-6; return "ms" }
    if (max >= 1e3) { tscale = 1e-3; return "us" }
    tscale = 1; return "ns"
}

# log2 tics from lo to hi (bytes or counts) as a gnuplot command; at most
# about ten labels (every 2nd or 4th power when the range is wide).
function log2_tics(lo, hi, isbytes,   t, s, n, m) {
    for (t = 1; t * 2 <= lo; t *= 2) ;
    n = 0
    for (s = t; s <= hi * 1.01; s *= 2) n++
    m = n <= 10 ? 2 : n <= 20 ? 4 : 16
    s = ""
    for (; t <= hi * 1.01; t *= m)
        s = s (s == "" ? "" : ", ") "'" (isbytes ? bytes(t) : sprintf("%.0f", t)) "' " sprintf("%.0f", t)
    return "set xtics (" s ")"
}

function fmt_ratio(r) {
    if (!num(r)) return "-"
    return r < 10 ? sprintf("%.2fx", r) : r < 100 ? sprintf("%.1fx", r) : sprintf("%.0fx", r)
}
