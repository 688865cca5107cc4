/* Outliers (Tukey's fences) and bimodality, on a sorted sample. */
#include "stats.h"

#include <math.h>

/* Mild beyond 1.5 IQR from the quartiles, severe beyond 3 IQR. */
hs_outliers hs_tukey(const double *sorted, size_t n)
{
    hs_outliers o = {0, 0, 0, 0};
    if (n < 4)
        return o;
    const double q1 = hs_sorted_quantile(sorted, n, 0.25);
    const double q3 = hs_sorted_quantile(sorted, n, 0.75);
    const double iqr = q3 - q1;
    for (size_t i = 0; i < n; i++) {
        const double x = sorted[i];
        if (x < q1 - 3 * iqr)
            o.low_severe++;
        else if (x < q1 - 1.5 * iqr)
            o.low_mild++;
        else if (x > q3 + 3 * iqr)
            o.high_severe++;
        else if (x > q3 + 1.5 * iqr)
            o.high_mild++;
    }
    return o;
}

size_t hs_outlier_count(const hs_outliers *o)
{
    return o->low_severe + o->low_mild + o->high_mild + o->high_severe;
}

static double var_of(const double *x, size_t n)
{
    if (n < 2)
        return 0;
    const double m = hs_mean(x, n);
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (x[i] - m) * (x[i] - m);
    return s / (double)(n - 1);
}

/* Two modes: the best split of the sorted sample (10 values or more) into
 * two clusters, each holding at least max(3, 10%) of the values, whose gap
 * is at least HS_MODE_GAP pooled within-cluster standard deviations and at
 * least 1% of the median.  Measured on 2000 seeded samples per case: false
 * alarms on unimodal normal samples 0.4% at n = 10 and none from n = 20,
 * on exponential (long right tail) samples 2.1% at n = 10, 0.65% at 20,
 * 0.1% at 30; two speeds 10% apart with 1% noise each are found in 85% of
 * samples at n = 10 and 95% from n = 14 (tests/test_stats.c checks both
 * sides). */
#define HS_MODE_GAP 4.0
#define HS_MODE_MIN_N 10

hs_modes hs_find_modes(const double *sorted, size_t n)
{
    hs_modes m = {HS_MODES_NA, NAN, NAN, 0, 0};
    if (n < HS_MODE_MIN_N)
        return m;
    m.state = HS_MODES_ONE;
    size_t min = (n + 9) / 10;
    if (min < 3)
        min = 3;
    const double median = hs_sorted_median(sorted, n);
    double best = 0;
    size_t best_k = 0;
    for (size_t k = min; k + min <= n; k++) {
        const double gap = sorted[k] - sorted[k - 1];
        if (!(gap >= 0.01 * fabs(median)) || gap <= 0)
            continue;
        const double pooled = sqrt(((double)(k - 1) * var_of(sorted, k) +
                                    (double)(n - k - 1) * var_of(sorted + k, n - k)) /
                                   (double)(n - 2));
        const double score = pooled > 0 ? gap / pooled : INFINITY;
        if (score > best) {
            best = score;
            best_k = k;
        }
    }
    if (best >= HS_MODE_GAP) {
        m.state = HS_MODES_TWO;
        m.lo = hs_sorted_median(sorted, best_k);
        m.hi = hs_sorted_median(sorted + best_k, n - best_k);
        m.n_lo = best_k;
        m.n_hi = n - best_k;
    }
    return m;
}
