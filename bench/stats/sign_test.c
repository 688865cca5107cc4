/* The sign test: the p-value of paired rounds.
 *
 * Paired rounds give one difference per round (the log of B's time over
 * A's); under "no change" each is as likely positive as negative, so the
 * count of positive ones is Binomial(n, 1/2).  Only the signs count, not
 * the sizes: a round in which one side was preempted or hit by another job
 * (ratios of 0.57 among rounds of 1.05 were seen on the loaded 2-core VM)
 * weighs no more than any other.  The Wilcoxon signed-rank test, tried
 * first, ranks by size and gave p = 0.2 on such rounds whose median ratio
 * was 1.050 [1.046, 1.051].  The test agrees with the estimate: both are
 * about the median.  Its p-value is what the false discovery rate control
 * (fdr.c) needs, where a bootstrap interval alone gives none. */
#include "stats.h"

#include <math.h>

/* P(X <= k) for X ~ Binomial(n, 1/2), summed in log space (no overflow of
 * C(n, i) for any n). */
static double binom_cdf_half(size_t n, size_t k)
{
    const double log_half_n = -(double)n * log(2.0);
    double sum = 0;
    for (size_t i = 0; i <= k; i++)
        sum += exp(lgamma((double)n + 1) - lgamma((double)i + 1) - lgamma((double)(n - i) + 1) +
                   log_half_n);
    return sum;
}

/* Two-sided p-value of "the differences d have median 0".  Zeros and NaN
 * are dropped; 1 when nothing remains. */
double hs_sign_test_p(const double *d, size_t n)
{
    size_t pos = 0, m = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i] != 0 && !isnan(d[i])) {
            m++;
            pos += d[i] > 0;
        }
    if (m == 0)
        return 1;
    const size_t low = pos < m - pos ? pos : m - pos; /* the rarer sign */
    const double p = 2 * binom_cdf_half(m, low);
    return p > 1 ? 1 : p;
}
