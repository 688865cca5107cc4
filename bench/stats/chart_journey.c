/* journey-<family>: one bar per variant at the family's representative
 * size, in journey order (the reference first), with its interval and the
 * speedup over the reference; the limit (stage "limit") as a line.
 * Columns: x label stage value lo hi speedup. */
#include "charts.h"

#include <math.h>
#include <string.h>

typedef struct jctx {
    const hs_crow *r;
    const char *ref;
} jctx;

static int cmp_bar(size_t a, size_t b, const void *p)
{
    const jctx *j = p;
    const int ra = strcmp(j->r[a].var, j->ref) != 0, rb = strcmp(j->r[b].var, j->ref) != 0;
    if (ra != rb)
        return ra - rb;
    return hs_journey_cmp(&j->r[a], &j->r[b]);
}

enum { BYTES, ITEMS, TIME };

/* The bar of row r: GB/s as it is; Gitem/s as ns per item (its inverse:
 * lower is better); no throughput: the median time per call. */
static void bar(const hs_crow *r, int kind, double tscale, double *v, double *lo, double *hi)
{
    if (kind == BYTES) {
        *v = r->thr;
        *lo = isnan(r->tlo) ? *v : r->tlo;
        *hi = isnan(r->thi) ? *v : r->thi;
    } else if (kind == ITEMS) {
        *v = 1 / r->thr;
        *lo = isnan(r->thi) ? *v : 1 / r->thi;
        *hi = isnan(r->tlo) ? *v : 1 / r->tlo;
    } else {
        *v = r->med * tscale;
        *lo = isnan(r->mlo) ? *v : r->mlo * tscale;
        *hi = isnan(r->mhi) ? *v : r->mhi * tscale;
    }
}

void hs_chart_journey(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f)
{
    const hs_crow *r = f->r;
    const char *cap0 = f->n ? r[0].cap : "";
    double sz[f->n + 1], tch[f->n + 1];
    size_t m = 0;
    for (size_t k = 0; k < f->n; k++)
        if (hs_first_cap(&r[k], cap0) && strcmp(r[k].stage, "limit") != 0) {
            sz[m] = r[k].size;
            tch[m++] = r[k].touched;
        }
    const double size = hs_pick_size(c, sz, tch, m);
    int kind = BYTES;
    double tmax = 0;
    size_t bi[f->n + 1], nb = 0;
    const hs_crow *lim = NULL;
    const char *ref = "";
    char desc[160] = "";
    for (size_t k = 0; k < f->n; k++) {
        if (!hs_first_cap(&r[k], cap0) || r[k].size != size)
            continue;
        if (isnan(r[k].thr))
            kind = TIME;
        else if (strcmp(r[k].unit, "GB/s") != 0 && kind == BYTES)
            kind = ITEMS;
        if (r[k].med > tmax)
            tmax = r[k].med;
        if (strcmp(r[k].stage, "limit") == 0) {
            if (!lim)
                lim = &r[k];
            continue;
        }
        bi[nb++] = k;
        if (!*desc)
            hs_size_desc(desc, sizeof desc, size, r[k].touched, r[k].lvl);
        if (!*ref && strcmp(r[k].spd_s, "1") == 0 && strcmp(r[k].stage, "baseline") == 0)
            ref = r[k].var;
    }
    const jctx j = {r, ref};
    hs_isort(bi, nb, cmp_bar, &j);
    double tscale = 1;
    const char *unit = kind == BYTES   ? "GB/s"
                       : kind == ITEMS ? "ns per item"
                                       : hs_time_unit(tmax, &tscale);
    hs_meta_s(out, "family", f->name);
    hs_meta_s(out, "unit", unit);
    hs_meta_n(out, "bytes", kind == BYTES, "%.0f");
    hs_meta_s(out, "sizedesc", desc);
    hs_meta_s(out, "reference", ref);
    hs_meta_n(out, "nbars", (double)nb, "%.0f");
    double ymin = NAN, ymax = 0;
    char stages[256] = "";
    fputs("x\tlabel\tstage\tvalue\tlo\thi\tspeedup\n", rows);
    for (size_t i = 0; i < nb; i++) {
        const hs_crow *b = &r[bi[i]];
        double v, lo, hi;
        bar(b, kind, tscale, &v, &lo, &hi);
        if (hi > ymax)
            ymax = hi;
        if (isnan(ymin) || lo < ymin)
            ymin = lo;
        char ratio[32] = " ";
        if (!isnan(b->spd))
            hs_fmt_ratio(ratio, sizeof ratio, b->spd);
        fprintf(rows, "%zu\t%s%s%s\t%s\t%.6g\t%.6g\t%.6g\t%s\n", i, b->var,
                strcmp(b->ext, "-") ? " " : "", strcmp(b->ext, "-") ? b->ext : "", b->stage, v, lo,
                hi, ratio);
        const char *s = strcmp(b->stage, "-") == 0 ? "other" : b->stage;
        char padded[64];
        snprintf(padded, sizeof padded, " %s ", s);
        char have[260];
        snprintf(have, sizeof have, " %s ", stages);
        if (!strstr(have, padded) && strlen(stages) + strlen(s) + 2 < sizeof stages)
            strcat(strcat(stages, *stages ? " " : ""), s);
    }
    double limit = NAN;
    if (lim && kind == BYTES) {
        limit = lim->thr;
        if (limit > ymax)
            ymax = limit;
        if (limit < ymin)
            ymin = limit;
    }
    if (isnan(ymin))
        ymin = 0;
    hs_meta_n(out, "limit", limit, "%.6g");
    hs_meta_s(out, "limitname", lim && kind == BYTES ? lim->var : "");
    hs_meta_n(out, "logy", ymin > 0 && ymax / ymin > 40, "%.0f");
    hs_meta_n(out, "ymin", ymin, "%.6g");
    hs_meta_n(out, "ymax", ymax, "%.6g");
    hs_meta_s(out, "stages", stages);
}
