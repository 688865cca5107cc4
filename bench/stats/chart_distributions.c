/* distributions: the per-repetition times (samples.tsv) of the benchmarks
 * whose samples say most beyond their median: two modes first, then the
 * most outliers, then the widest spread (MAD / median); at most two per
 * family and 12 in all, in name order, each sample divided by its
 * benchmark's median.  Columns: box ratio (one row per sample). */
#include "charts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct cand {
    const hs_crow *r;
    double score;
} cand;

static int cmp_score(size_t a, size_t b, const void *p)
{
    const cand *c = p;
    return c[a].score > c[b].score ? -1 : c[a].score < c[b].score;
}

static int cmp_name(size_t a, size_t b, const void *p)
{
    const cand *const *c = p;
    return strcmp(c[a]->r->name, c[b]->r->name);
}

static int has_samples(const hs_charts *c, const hs_crow *r)
{
    const int nm = hs_table_col(&c->samples, "name"), cp = hs_table_col(&c->samples, "cap");
    for (size_t i = 0; i < c->samples.nrows; i++)
        if (strcmp(hs_cell(&c->samples, i, nm), r->name) == 0 &&
            strcmp(hs_cell(&c->samples, i, cp), r->cap) == 0)
            return 1;
    return 0;
}

void hs_chart_distributions(FILE *out, FILE *rows, const hs_charts *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nfams; i++)
        n += c->fams[i].n;
    cand *cd = calloc(n + 1, sizeof *cd);
    size_t *order = calloc(n + 1, sizeof *order);
    const cand **chosen = calloc(13, sizeof *chosen);
    if (!cd || !order || !chosen) {
        free(cd);
        free(order);
        free(chosen);
        hs_meta_n(out, "nbox", 0, "%.0f");
        return;
    }
    n = 0;
    for (size_t i = 0; i < c->nfams; i++)
        for (size_t k = 0; k < c->fams[i].n; k++) {
            const hs_crow *r = &c->fams[i].r[k];
            if (!(r->n >= 5) || isnan(r->med) || r->med <= 0)
                continue;
            cd[n].r = r;
            cd[n].score = (strcmp(r->bimodal, "yes") == 0 ? 1000 : 0) +
                          (isnan(r->outl) ? 0 : r->outl) +
                          100 * (isnan(r->mad) ? 0 : r->mad) / r->med;
            order[n] = n;
            n++;
        }
    int caps1 = 0;
    for (size_t k = 1; k < n; k++)
        caps1 |= strcmp(cd[k].r->cap, cd[0].r->cap) != 0;
    hs_isort(order, n, cmp_score, cd);
    size_t nch = 0;
    for (size_t i = 0; i < n && nch < 12; i++) {
        const cand *k = &cd[order[i]];
        size_t per = 0;
        for (size_t j = 0; j < nch; j++)
            per += strcmp(chosen[j]->r->family, k->r->family) == 0;
        if (per >= 2 || !has_samples(c, k->r))
            continue;
        chosen[nch++] = k;
    }
    size_t byname[13];
    for (size_t i = 0; i < nch; i++)
        byname[i] = i;
    hs_isort(byname, nch, cmp_name, chosen);
    hs_meta_n(out, "nbox", (double)nch, "%.0f");
    fputs("#s\txtics_cmd\tset xtics (", out);
    fputs("box\tratio\n", rows);
    const int nm = hs_table_col(&c->samples, "name"), cp = hs_table_col(&c->samples, "cap"),
              tm = hs_table_col(&c->samples, "time_ns");
    for (size_t i = 0; i < nch; i++) {
        const hs_crow *r = chosen[byname[i]]->r;
        for (size_t s = 0; s < c->samples.nrows; s++)
            if (strcmp(hs_cell(&c->samples, s, nm), r->name) == 0 &&
                strcmp(hs_cell(&c->samples, s, cp), r->cap) == 0)
                fprintf(rows, "%zu\t%.6g\n", i, hs_cnum(hs_cell(&c->samples, s, tm)) / r->med);
        char lab[400];
        snprintf(lab, sizeof lab, "%s%s%s%s", r->name, caps1 ? " @" : "", caps1 ? r->cap : "",
                 strcmp(r->bimodal, "yes") == 0 ? " (2 modes)" : "");
        fputs(i ? ", " : "", out);
        hs_gp_quote(out, lab);
        fprintf(out, " %zu", i);
    }
    fputs(")\n", out);
    free(cd);
    free(order);
    free(chosen);
}
