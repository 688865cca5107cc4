/* The Wilcoxon signed-rank test: the p-value of paired rounds.
 *
 * Paired rounds give one difference per round (the log of B's time over
 * A's); under "no change" each difference is as likely positive as
 * negative.  The test ranks the differences by size and sums the ranks of
 * the positive ones (W); its p-value is what the false discovery rate
 * control (fdr.c) needs, where a bootstrap interval alone gives none. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

static int cmp_abs(const void *a, const void *b)
{
    const double x = fabs(*(const double *)a), y = fabs(*(const double *)b);
    return (x > y) - (x < y);
}

/* min(P(W <= w), P(W >= w)) for n untied ranks: the number of subsets of
 * {1..n} with each sum, counted by adding the ranks one at a time (every
 * subset is equally likely under the null). */
static double exact_tail(size_t n, double w)
{
    const size_t top = n * (n + 1) / 2;
    double *count = calloc(top + 1, sizeof *count);
    if (!count)
        return NAN;
    count[0] = 1;
    for (size_t r = 1; r <= n; r++)
        for (size_t s = top; s >= r; s--)
            count[s] += count[s - r];
    double le = 0, ge = 0, total = 0;
    for (size_t s = 0; s <= top; s++) {
        total += count[s];
        if ((double)s <= w)
            le += count[s];
        if ((double)s >= w)
            ge += count[s];
    }
    free(count);
    return (le < ge ? le : ge) / total;
}

/* Two-sided p-value of "the differences d are symmetric about 0".  Zeros
 * are dropped (Wilcoxon's rule); exact when at most 60 remain and no two
 * sizes tie, otherwise the normal approximation with tie and continuity
 * corrections.  1 when nothing remains; NaN when out of memory. */
double hs_signed_rank_p(const double *d, size_t n)
{
    double *x = malloc((n + 1) * sizeof *x);
    if (!x)
        return NAN;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i] != 0 && !isnan(d[i]))
            x[m++] = d[i];
    if (m == 0) {
        free(x);
        return 1;
    }
    qsort(x, m, sizeof *x, cmp_abs);
    double w = 0, ties = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && fabs(x[j]) == fabs(x[i]))
            j++;
        const double avg = 0.5 * (double)(i + 1 + j); /* ranks i+1 .. j */
        for (size_t k = i; k < j; k++)
            if (x[k] > 0)
                w += avg;
        const double t = (double)(j - i);
        ties += t * t * t - t;
        i = j;
    }
    free(x);
    double p;
    if (ties == 0 && m <= 60) {
        p = 2 * exact_tail(m, w);
    } else {
        const double N = (double)m;
        const double var = N * (N + 1) * (2 * N + 1) / 24 - ties / 48;
        const double z = (fabs(w - N * (N + 1) / 4) - 0.5) / sqrt(var);
        p = z <= 0 ? 1 : erfc(z / sqrt(2.0));
    }
    return p > 1 ? 1 : p;
}
