/* Change detection: the Mann-Whitney U test (as Google Benchmark's
 * compare.py uses) and criterion's four verdicts. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

typedef struct tagged {
    double v;
    int first;
} tagged;

static int cmp_tagged(const void *a, const void *b)
{
    const double x = ((const tagged *)a)->v, y = ((const tagged *)b)->v;
    return (x > y) - (x < y);
}

/* min(P(U <= u), P(U >= u)) under the null, exactly: U counts the pairs
 * with a > b, and the arrangements of m a's and k b's by U follow
 * f(m, k, u) = f(m-1, k, u-k) + f(m, k-1, u) (the last value is an a, above
 * all k b's, or a b): additions of positives only, no cancellation. */
static double exact_tail(size_t na, size_t nb, size_t u)
{
    const size_t umax = na * nb, w = umax + 1;
    double *prev = calloc((nb + 1) * w, sizeof *prev);
    double *cur = calloc((nb + 1) * w, sizeof *cur);
    if (!prev || !cur) {
        free(prev);
        free(cur);
        return NAN;
    }
    for (size_t m = 0; m <= na; m++) {
        for (size_t k = 0; k <= nb; k++) {
            double *c = cur + k * w;
            for (size_t v = 0; v < w; v++) {
                double s = (m == 0 || k == 0) ? (v == 0) : 0;
                if (m > 0 && k > 0) {
                    if (v >= k)
                        s += prev[k * w + v - k];
                    s += cur[(k - 1) * w + v];
                }
                c[v] = s;
            }
        }
        double *t = prev;
        prev = cur;
        cur = t;
    }
    const double *f = prev + nb * w;
    double total = 0, le = 0, ge = 0;
    for (size_t v = 0; v < w; v++) {
        total += f[v];
        if (v <= u)
            le += f[v];
        if (v >= u)
            ge += f[v];
    }
    free(prev);
    free(cur);
    return (le < ge ? le : ge) / total;
}

/* Two-sided p-value.  Exact when both samples have at most 30 values and
 * no ties; otherwise the normal approximation with tie correction and
 * continuity correction (scipy's "asymptotic" method). */
double hs_mann_whitney_p(const double *a, size_t na, const double *b, size_t nb)
{
    if (na == 0 || nb == 0)
        return NAN;
    const size_t n = na + nb;
    tagged *t = malloc(n * sizeof *t);
    if (!t)
        return NAN;
    for (size_t i = 0; i < na; i++)
        t[i] = (tagged){a[i], 1};
    for (size_t i = 0; i < nb; i++)
        t[na + i] = (tagged){b[i], 0};
    qsort(t, n, sizeof *t, cmp_tagged);
    double rank_a = 0, ties = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t[j].v == t[i].v)
            j++;
        const double avg = 0.5 * (double)(i + 1 + j); /* ranks i+1 .. j */
        for (size_t k = i; k < j; k++)
            if (t[k].first)
                rank_a += avg;
        const double c = (double)(j - i);
        ties += c * c * c - c;
        i = j;
    }
    free(t);
    const double u = rank_a - 0.5 * (double)na * (double)(na + 1);
    const double mu = 0.5 * (double)na * (double)nb;
    double p;
    if (ties == 0 && na <= 30 && nb <= 30) {
        p = 2 * exact_tail(na, nb, (size_t)u);
    } else {
        const double N = (double)n;
        const double var = (double)na * (double)nb / 12.0 * ((N + 1) - ties / (N * (N - 1)));
        if (var <= 0)
            return 1;
        const double z = (fabs(u - mu) - 0.5) / sqrt(var);
        p = z <= 0 ? 1 : erfc(z / sqrt(2.0));
    }
    return p > 1 ? 1 : p;
}

/* criterion's rules: a difference must be significant (p < significance)
 * and then its whole interval must lie beyond the noise threshold. */
int hs_verdict(double p, hs_est change, double noise, double significance)
{
    if (isnan(p) || !(p < significance))
        return HS_VERDICT_NO_CHANGE;
    if (change.lo < -noise && change.hi < -noise)
        return HS_VERDICT_IMPROVED;
    if (change.lo > noise && change.hi > noise)
        return HS_VERDICT_REGRESSED;
    return HS_VERDICT_NOISE;
}

const char *hs_verdict_text(int verdict)
{
    switch (verdict) {
    case HS_VERDICT_IMPROVED:
        return "Performance has improved.";
    case HS_VERDICT_REGRESSED:
        return "Performance has regressed.";
    case HS_VERDICT_NO_CHANGE:
        return "No change in performance detected.";
    case HS_VERDICT_NOISE:
        return "Change within noise threshold.";
    default:
        return "";
    }
}
