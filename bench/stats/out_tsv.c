/* The per-family TSV tables (columns documented in docs/statistics.md,
 * "Files and the TSV contract"): missing values are "-". */
#include "stats.h"

#include <math.h>

/* Field text with the separators a TSV cannot hold replaced. */
static void str(FILE *out, const char *s, const char *sep)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
    fputs(sep, out);
}

static void num(FILE *out, double v, const char *fmt, const char *sep)
{
    char buf[64];
    fputs(hs_fmt_num(buf, sizeof buf, v, fmt), out);
    fputs(sep, out);
}

static void est3(FILE *out, hs_est e, const char *fmt)
{
    num(out, e.est, fmt, "\t");
    num(out, e.lo, fmt, "\t");
    num(out, e.hi, fmt, "\t");
}

void hs_print_tsv_header(FILE *out)
{
    fputs("name\tfamily\tvariant\tstage\tsize\textra\tcap\tn\t"
          "median_ns\tmedian_lo\tmedian_hi\tmean_ns\tmean_lo\tmean_hi\tstddev_ns\tmad_ns\t"
          "thrpt\tthrpt_lo\tthrpt_hi\tthrpt_unit\tspeedup\tspeedup_lo\tspeedup_hi\t"
          "vs_peer\tvs_peer_lo\tvs_peer_hi\tvs_limit\tvs_limit_lo\tvs_limit_hi\t"
          "touched\tcache_level\toutliers_pct\tbimodal\t"
          "speedup_src\tvs_peer_src\tvs_limit_src\n", out);
}

void hs_print_tsv_row(FILE *out, const hs_bench *b)
{
    str(out, b->name, "\t");
    str(out, b->family, "\t");
    str(out, b->variant, "\t");
    str(out, b->stage, "\t");
    str(out, b->size, "\t");
    str(out, b->extra, "\t");
    str(out, b->cap, "\t");
    fprintf(out, "%zu\t", b->n);
    est3(out, b->s.median, "%.4f");
    est3(out, b->s.mean, "%.4f");
    num(out, b->s.sd.est, "%.4f", "\t");
    num(out, b->s.mad.est, "%.4f", "\t");
    if (b->unit == HS_THRPT_NONE)
        fputs("-\t-\t-\t-\t", out);
    else {
        est3(out, b->thrpt, "%.6g");
        fputs(b->unit == HS_THRPT_BYTES ? "GB/s\t" : "Gitem/s\t", out);
    }
    const hs_est none = {NAN, NAN, NAN};
    est3(out, b->ref ? b->speedup : none, "%.6g");
    est3(out, b->peer ? b->vs_peer : none, "%.6g");
    est3(out, b->limit ? b->vs_limit : none, "%.6g");
    num(out, b->touched, "%.0f", "\t");
    str(out, hs_cache_level(b), "\t");
    num(out, b->n ? 100.0 * (double)hs_outlier_count(&b->s.out) / (double)b->n : NAN, "%.2f",
        "\t");
    str(out, b->s.modes.state == HS_MODES_TWO ? "yes" : b->s.modes.state == HS_MODES_ONE ? "no"
                                                                                        : "-",
        "\t");
    /* added last: readers by position keep working (docs/statistics.md) */
    str(out, hs_src_text(b->ref ? b->speedup_src : HS_SRC_NONE), "\t");
    str(out, hs_src_text(b->peer ? b->peer_src : HS_SRC_NONE), "\t");
    str(out, hs_src_text(b->limit ? b->limit_src : HS_SRC_NONE), "\n");
}

void hs_print_change_header(FILE *out)
{
    fputs("name\tchange_pct\tchange_lo\tchange_hi\tp\tverdict\tcap\n", out);
}

static const char *verdict_token(int v)
{
    switch (v) {
    case HS_VERDICT_IMPROVED:
        return "improved";
    case HS_VERDICT_REGRESSED:
        return "regressed";
    case HS_VERDICT_NO_CHANGE:
        return "no-change";
    case HS_VERDICT_NOISE:
        return "within-noise";
    default:
        return "-";
    }
}

void hs_print_change_row(FILE *out, const hs_bench *b)
{
    str(out, b->name, "\t");
    num(out, 100 * b->change.est, "%.4f", "\t");
    num(out, 100 * b->change.lo, "%.4f", "\t");
    num(out, 100 * b->change.hi, "%.4f", "\t");
    num(out, b->p, "%.4g", "\t");
    str(out, verdict_token(b->verdict), "\t");
    str(out, b->cap, "\n");
}

void hs_print_hyperfine_header(FILE *out)
{
    fputs("name\tcommand\tmean_s\tmean_lo\tmean_hi\tmedian_s\tmedian_lo\tmedian_hi\tn\t"
          "outliers_pct\tratio\tratio_lo\tratio_hi\n", out);
}

void hs_print_hyperfine_row(FILE *out, const hs_bench *b)
{
    const hs_est m = b->s.mean, d = b->s.median;
    str(out, b->name, "\t");
    str(out, b->variant, "\t");
    est3(out, (hs_est){m.est * 1e-9, m.lo * 1e-9, m.hi * 1e-9}, "%.6g");
    est3(out, (hs_est){d.est * 1e-9, d.lo * 1e-9, d.hi * 1e-9}, "%.6g");
    fprintf(out, "%zu\t", b->n);
    num(out, b->n ? 100.0 * (double)hs_outlier_count(&b->s.out) / (double)b->n : NAN, "%.2f",
        "\t");
    num(out, b->speedup.est, "%.6g", "\t");
    num(out, b->speedup.lo, "%.6g", "\t");
    num(out, b->speedup.hi, "%.6g", "\n");
}
