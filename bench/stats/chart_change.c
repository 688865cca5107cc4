/* change: each benchmark's change of the median time against the
 * baseline (change.tsv) with its interval; the significant changes first,
 * largest first, then the largest of the rest, 30 in all, drawn in order
 * of the change.  Columns: y change lo hi verdict label. */
#include "charts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct chg {
    const char *name, *verdict, *cap;
    double ch, lo, hi, key;
} chg;

static int cmp_key(size_t a, size_t b, const void *p)
{
    const chg *c = p;
    return c[a].key < c[b].key ? -1 : c[a].key > c[b].key;
}

static int cmp_change(size_t a, size_t b, const void *p)
{
    const chg *c = p;
    return c[a].ch < c[b].ch ? -1 : c[a].ch > c[b].ch;
}

void hs_chart_change(FILE *out, FILE *rows, const hs_charts *c)
{
    const hs_table *t = &c->change;
    const int nm = hs_table_col(t, "name"), cp = hs_table_col(t, "change_pct"),
              lo = hs_table_col(t, "change_lo"), hi = hs_table_col(t, "change_hi"),
              vd = hs_table_col(t, "verdict"), ca = hs_table_col(t, "cap");
    chg *g = calloc(t->nrows + 1, sizeof *g);
    size_t *order = calloc(t->nrows + 1, sizeof *order);
    size_t n = 0, nimp = 0, nreg = 0;
    int caps1 = 0;
    for (size_t i = 0; g && order && i < t->nrows; i++) {
        const double ch = hs_cnum(hs_cell(t, i, cp));
        if (isnan(ch))
            continue;
        chg *x = &g[n];
        *x = (chg){hs_cell(t, i, nm),
                   hs_cell(t, i, vd),
                   hs_cell(t, i, ca),
                   ch,
                   hs_cnum(hs_cell(t, i, lo)),
                   hs_cnum(hs_cell(t, i, hi)),
                   0};
        const int sig = strcmp(x->verdict, "improved") == 0 || strcmp(x->verdict, "regressed") == 0;
        nimp += strcmp(x->verdict, "improved") == 0;
        nreg += strcmp(x->verdict, "regressed") == 0;
        x->key = -((sig ? 1e9 : 0) + fabs(ch));
        caps1 |= strcmp(x->cap, g[0].cap) != 0;
        order[n] = n;
        n++;
    }
    hs_isort(order, n, cmp_key, g);
    const size_t m = n < 30 ? n : 30;
    hs_isort(order, m, cmp_change, g);
    hs_meta_n(out, "nshown", (double)m, "%.0f");
    hs_meta_n(out, "ntotal", (double)n, "%.0f");
    hs_meta_n(out, "nimproved", (double)nimp, "%.0f");
    hs_meta_n(out, "nregressed", (double)nreg, "%.0f");
    double xmin = 0, xmax = 0;
    fputs("y\tchange\tlo\thi\tverdict\tlabel\n", rows);
    for (size_t i = 0; i < m; i++) {
        const chg *x = &g[order[i]];
        fprintf(rows, "%zu\t%.4f\t%.4f\t%.4f\t%s\t%s%s%s\n", i, x->ch, isnan(x->lo) ? x->ch : x->lo,
                isnan(x->hi) ? x->ch : x->hi, x->verdict, x->name, caps1 ? " @" : "",
                caps1 ? x->cap : "");
        /* the range spans the intervals (a missing end counts as 0) and 0 */
        const double l = isnan(x->lo) ? 0 : x->lo, h = isnan(x->hi) ? 0 : x->hi;
        if (l < xmin)
            xmin = l;
        if (h > xmax)
            xmax = h;
    }
    hs_meta_n(out, "xmin", xmin, "%.4f");
    hs_meta_n(out, "xmax", xmax, "%.4f");
    free(g);
    free(order);
}
