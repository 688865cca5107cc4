/* sizes-<family>: median throughput (time where the family counts no bytes
 * or items) against the bytes a call touches, one series per variant (and
 * extra), each a block of rows x value lo hi; latency (pointer_chase) is
 * the same chart in nanoseconds per dependent load. */
#include "charts.h"

#include <math.h>
#include <string.h>

typedef struct series {
    char label[160];
    const hs_crow *first;
} series;

static int cmp_series(size_t a, size_t b, const void *p)
{
    const series *s = p;
    return hs_journey_cmp(s[a].first, s[b].first);
}

typedef struct xs {
    const hs_crow *r;
    int notouch;
} xs;

static double xof(const hs_crow *r, int notouch)
{
    return notouch ? r->size : r->touched;
}

static int cmp_x(size_t a, size_t b, const void *p)
{
    const xs *x = p;
    const double xa = xof(&x->r[a], x->notouch), xb = xof(&x->r[b], x->notouch);
    return xa < xb ? -1 : xa > xb;
}

static void label(char *dst, size_t len, const hs_crow *r)
{
    snprintf(dst, len, "%s%s%s", r->var, strcmp(r->ext, "-") ? "/" : "",
             strcmp(r->ext, "-") ? r->ext : "");
}

static void append(char *dst, size_t len, const char *word)
{
    if (strlen(dst) + strlen(word) + 2 < len)
        strcat(strcat(dst, *dst ? " " : ""), word);
}

void hs_chart_sizes(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f, int latency)
{
    (void)c; /* every size is drawn: no representative one */
    const hs_crow *r = f->r;
    const char *cap0 = f->n ? r[0].cap : "";
    int notouch = 0, nothr = 0, items = 0;
    size_t ns = 0, sidx[f->n + 1];
    series s[f->n + 1];
    memset(s, 0, sizeof s);
    double tmax = 0;
    for (size_t k = 0; k < f->n; k++) {
        if (!hs_first_cap(&r[k], cap0))
            continue;
        notouch |= isnan(r[k].touched);
        if (isnan(r[k].thr))
            nothr = 1;
        else if (strcmp(r[k].unit, "GB/s") != 0)
            items = 1;
        if (r[k].med > tmax)
            tmax = r[k].med;
        char l[160];
        label(l, sizeof l, &r[k]);
        size_t i = 0;
        while (i < ns && strcmp(s[i].label, l) != 0)
            i++;
        if (i == ns) {
            snprintf(s[ns].label, sizeof s[ns].label, "%s", l);
            s[ns++].first = &r[k];
        }
    }
    double tscale = 1;
    const char *unit = latency ? "ns per load"
                       : nothr ? hs_time_unit(tmax, &tscale)
                       : items ? "ns per item"
                               : "GB/s";
    for (size_t i = 0; i < ns; i++)
        sidx[i] = i;
    hs_isort(sidx, ns, cmp_series, s);
    hs_meta_s(out, "family", f->name);
    hs_meta_s(out, "unit", unit);
    hs_meta_n(out, "bytes", !(nothr || items), "%.0f");
    hs_meta_n(out, "xbytes", !notouch, "%.0f");
    hs_meta_n(out, "nseries", (double)ns, "%.0f");
    char names[4096] = "", stages[2048] = "", dts[1024] = "";
    double xmin = NAN, xmax = 0, ymin = NAN, ymax = 0;
    for (size_t c2 = 0; c2 < ns; c2++) {
        const series *se = &s[sidx[c2]];
        const char *stage = strcmp(se->first->stage, "-") == 0 ? "other" : se->first->stage;
        append(names, sizeof names, se->label);
        append(stages, sizeof stages, stage);
        int instage = 0;
        for (size_t p = 0; p <= c2; p++)
            instage += strcmp(s[sidx[p]].first->stage, se->first->stage) == 0;
        char n[16];
        snprintf(n, sizeof n, "%d", instage);
        append(dts, sizeof dts, n);
        size_t m = 0, k2[f->n + 1];
        for (size_t k = 0; k < f->n; k++) {
            char l[160];
            label(l, sizeof l, &r[k]);
            if (hs_first_cap(&r[k], cap0) && strcmp(l, se->label) == 0)
                k2[m++] = k;
        }
        const xs x = {r, notouch};
        hs_isort(k2, m, cmp_x, &x);
        fputs("x\tvalue\tlo\thi\n", rows);
        for (size_t i = 0; i < m; i++) {
            const hs_crow *b = &r[k2[i]];
            double y, lo, hi;
            if (latency ||
                (items && !nothr)) { /* Gitem/s is items per ns: ns per item is its inverse */
                y = 1 / b->thr;
                lo = isnan(b->thi) ? y : 1 / b->thi;
                hi = isnan(b->tlo) ? y : 1 / b->tlo;
            } else if (!nothr) {
                y = b->thr;
                lo = isnan(b->tlo) ? y : b->tlo;
                hi = isnan(b->thi) ? y : b->thi;
            } else {
                y = b->med * tscale;
                lo = isnan(b->mlo) ? y : b->mlo * tscale;
                hi = isnan(b->mhi) ? y : b->mhi * tscale;
            }
            const double xv = xof(b, notouch);
            fprintf(rows, "%.0f\t%.6g\t%.6g\t%.6g\n", xv, y, lo, hi);
            if (isnan(xmin) || xv < xmin)
                xmin = xv;
            if (xv > xmax)
                xmax = xv;
            if (isnan(ymin) || lo < ymin)
                ymin = lo;
            if (hi > ymax)
                ymax = hi;
        }
        fputs("\n\n", rows);
    }
    if (isnan(xmin))
        xmin = 0;
    if (isnan(ymin))
        ymin = 0;
    hs_meta_s(out, "names", names);
    hs_meta_s(out, "stages", stages);
    hs_meta_s(out, "dts", dts);
    hs_meta_n(out, "xmin", xmin, "%.0f");
    hs_meta_n(out, "xmax", xmax, "%.0f");
    hs_meta_n(out, "ymin", ymin, "%.6g");
    hs_meta_n(out, "ymax", ymax, "%.6g");
    hs_meta_n(out, "logy", ymin > 0 && ymax / ymin > 20, "%.0f");
    hs_log2_tics(out, xmin, xmax, !notouch);
}
