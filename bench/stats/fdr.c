/* Error control across a suite: the Benjamini-Hochberg procedure.
 *
 * A run compares hundreds of benchmarks; at p < 0.05 each, an unchanged
 * build still gets about one "change" in twenty.  BH at level Q instead
 * bounds the false discovery rate, the expected share of false ones among
 * the changes declared, by Q (for independent or positively dependent
 * tests, which benchmarks of one run are at worst).
 *
 * With the m p-values sorted, p(1) <= ... <= p(m), BH rejects the k
 * smallest, k the largest rank with p(k) <= k Q / m.  The adjusted p-value
 * q(i) = min over j >= i of m p(j) / j (capped at 1) says the same for
 * every Q at once: a test is rejected at level Q exactly when q <= Q. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

typedef struct ranked {
    double p;
    size_t at;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->p != y->p)
        return (x->p > y->p) - (x->p < y->p);
    return (x->at > y->at) - (x->at < y->at); /* stable: ties keep input order */
}

size_t hs_fdr_adjust(const double *p, size_t n, double *q)
{
    ranked *r = malloc((n + 1) * sizeof *r);
    if (!r)
        return SIZE_MAX;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        q[i] = NAN;
        if (!isnan(p[i]))
            r[m++] = (ranked){p[i] < 0 ? 0 : p[i], i};
    }
    qsort(r, m, sizeof *r, cmp_ranked);
    /* From the largest p down, the running minimum of m p(j) / j. */
    double run = 1;
    for (size_t k = m; k > 0; k--) {
        const double v = (double)m * r[k - 1].p / (double)k;
        if (v < run)
            run = v;
        q[r[k - 1].at] = run;
    }
    free(r);
    return m;
}

/* Every benchmark compared with a baseline gets its BH-adjusted p (q) over
 * all such comparisons of the run, and its verdict from q at level fdr;
 * with fdr = 0 the verdicts stay per comparison (p < significance). */
int hs_fdr_verdicts(hs_set *run, const hs_options *o)
{
    double *p = malloc((run->n + 1) * sizeof *p), *q = malloc((run->n + 1) * sizeof *q);
    if (!p || !q) {
        free(p);
        free(q);
        return -1;
    }
    for (size_t i = 0; i < run->n; i++)
        p[i] = run->b[i].base ? run->b[i].p : NAN;
    int rc = 0;
    if (o->fdr > 0)
        rc = hs_fdr_adjust(p, run->n, q) == SIZE_MAX ? -1 : 0;
    for (size_t i = 0; i < run->n && rc == 0; i++) {
        hs_bench *b = &run->b[i];
        if (!b->base)
            continue;
        b->q = o->fdr > 0 ? q[i] : b->p;
        b->verdict = hs_verdict(b->q, b->change, o->noise, o->fdr > 0 ? o->fdr : o->significance);
    }
    free(p);
    free(q);
    return rc;
}

hs_fdr_count hs_fdr_summary(const hs_set *run, const hs_options *o)
{
    hs_fdr_count c = {0};
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        if (b->base && !isnan(b->p))
            hs_fdr_count_verdict(&c, b->verdict, o);
    }
    return c;
}

void hs_fdr_count_verdict(hs_fdr_count *c, int verdict, const hs_options *o)
{
    c->tests++;
    c->significant += verdict != HS_VERDICT_NO_CHANGE;
    c->flagged += verdict == HS_VERDICT_IMPROVED || verdict == HS_VERDICT_REGRESSED;
    /* BH's guarantee: E[false / significant] <= Q, so of the significant
     * ones at most Q of them are expected to be false; without FDR control
     * every comparison can be a false one with probability `significance`. */
    c->expected_false = o->fdr > 0 ? o->fdr * (double)c->significant
                                   : o->significance * (double)c->tests;
}

void hs_print_fdr_summary(FILE *out, const hs_fdr_count *c, const hs_options *o,
                          const char *prefix)
{
    if (!c->tests)
        return;
    if (o->fdr > 0)
        fprintf(out, "%s%zu of %zu comparisons significant at a false discovery rate of %g%% "
                     "(Benjamini-Hochberg), %zu of them beyond the %g%% noise threshold; "
                     "expected false among the significant: at most %.2f\n",
                prefix, c->significant, c->tests, 100 * o->fdr, c->flagged, 100 * o->noise,
                c->expected_false);
    else
        fprintf(out, "%s%zu of %zu comparisons significant at p < %g each (no false discovery "
                     "rate control), %zu of them beyond the %g%% noise threshold; expected "
                     "false if nothing changed: %.2f\n",
                prefix, c->significant, c->tests, o->significance, c->flagged, 100 * o->noise,
                c->expected_false);
}
