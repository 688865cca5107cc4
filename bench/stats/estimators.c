/* Point estimators and order statistics. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void hs_sort(double *x, size_t n)
{
    qsort(x, n, sizeof *x, cmp_double);
}

static void swap(double *x, size_t i, size_t j)
{
    const double t = x[i];
    x[i] = x[j];
    x[j] = t;
}

/* Quickselect (Hoare partition, median-of-three pivot): linear on average,
 * which is what makes percentiles of 100000 resamples cheap. */
double hs_select(double *x, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (hi > lo) {
        const size_t mid = lo + (hi - lo) / 2;
        if (x[mid] < x[lo])
            swap(x, mid, lo);
        if (x[hi] < x[lo])
            swap(x, hi, lo);
        if (x[hi] < x[mid])
            swap(x, hi, mid);
        const double pivot = x[mid];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                swap(x, i, j);
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return x[k];
    }
    return x[k];
}

/* Linear interpolation between order statistics (Hyndman-Fan type 7, the
 * default of R and numpy). */
double hs_percentile(double *x, size_t n, double p)
{
    const double h = (double)(n - 1) * p;
    const size_t lo = (size_t)floor(h);
    const double a = hs_select(x, n, lo);
    if (lo + 1 >= n)
        return a;
    double b = x[lo + 1];
    for (size_t i = lo + 2; i < n; i++)
        if (x[i] < b)
            b = x[i];
    return a + (h - (double)lo) * (b - a);
}

/* Both percentiles of a bootstrap in about one pass (the idea of Floyd and
 * Rivest's select): order statistics of a strided subsample bracket each target
 * order statistic; one pass counts the values below each bracket and
 * gathers those inside; the exact answer is selected among those few.  If
 * a bracket missed (the counts show it), the full quickselect decides. */
#define HS_SUB 1024
#define HS_SLACK 24 /* subsample positions: 4.8 standard deviations at 2.5% */

typedef struct bracket {
    double p;         /* the percentile */
    size_t k;         /* its lower order statistic, floor((n - 1) p) */
    double a, b;      /* values in [a, b] are gathered */
    size_t below;     /* values below a */
    double *buf;
    size_t len, cap;
} bracket;

static void bracket_init(bracket *t, double p, size_t n, double *sub, double *buf,
                         size_t cap)
{
    t->p = p;
    t->k = (size_t)floor((double)(n - 1) * p);
    const double at = p * (HS_SUB - 1);
    const ptrdiff_t lo = (ptrdiff_t)at - HS_SLACK, hi = (ptrdiff_t)at + 1 + HS_SLACK;
    t->a = lo < 0 ? -INFINITY : hs_select(sub, HS_SUB, (size_t)lo);
    t->b = hi >= HS_SUB ? INFINITY : hs_select(sub, HS_SUB, (size_t)hi);
    t->below = 0;
    t->buf = buf;
    t->len = 0;
    t->cap = cap;
}

static void bracket_add(bracket *t, double v)
{
    if (v < t->a)
        t->below++;
    else if (v <= t->b && t->len < t->cap)
        t->buf[t->len++] = v;
    else if (v <= t->b)
        t->len = t->cap + 1; /* overflow: fall back */
}

static int bracket_answer(bracket *t, size_t n, double *out)
{
    /* order statistics k and k + 1 (when it exists) must be inside */
    const size_t need = t->k + 1 < n ? t->k + 1 : t->k;
    if (t->len > t->cap || t->below > t->k || need >= t->below + t->len)
        return -1;
    const size_t k = t->k - t->below;
    const double v = hs_select(t->buf, t->len, k);
    if (need == t->k) {
        *out = v;
        return 0;
    }
    double w = t->buf[k + 1];
    for (size_t i = k + 2; i < t->len; i++)
        if (t->buf[i] < w)
            w = t->buf[i];
    const double h = (double)(n - 1) * t->p;
    *out = v + (h - (double)t->k) * (w - v);
    return 0;
}

void hs_interval95(double *x, size_t n, double *lo, double *hi)
{
    const size_t cap = n / 8;
    double *buf = n >= 8 * HS_SUB ? malloc(2 * cap * sizeof *buf) : NULL;
    if (buf) {
        double sub[HS_SUB];
        const size_t stride = n / HS_SUB;
        for (size_t i = 0; i < HS_SUB; i++)
            sub[i] = x[i * stride];
        bracket t[2];
        bracket_init(&t[0], 0.025, n, sub, buf, cap);
        bracket_init(&t[1], 0.975, n, sub, buf + cap, cap);
        for (size_t i = 0; i < n; i++) {
            bracket_add(&t[0], x[i]);
            bracket_add(&t[1], x[i]);
        }
        const int ok = bracket_answer(&t[0], n, lo) == 0 && bracket_answer(&t[1], n, hi) == 0;
        free(buf);
        if (ok)
            return;
    }
    *lo = hs_percentile(x, n, 0.025);
    *hi = hs_percentile(x, n, 0.975);
}

double hs_sorted_quantile(const double *sorted, size_t n, double p)
{
    const double h = (double)(n - 1) * p;
    const size_t lo = (size_t)floor(h);
    if (lo + 1 >= n)
        return sorted[n - 1];
    return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

double hs_mean(const double *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s / (double)n;
}

/* Sample standard deviation (n - 1); NaN for one sample. */
double hs_sd(const double *x, size_t n)
{
    if (n < 2)
        return NAN;
    const double m = hs_mean(x, n);
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (x[i] - m) * (x[i] - m);
    return sqrt(s / (double)(n - 1));
}

double hs_sorted_median(const double *sorted, size_t n)
{
    return 0.5 * (sorted[(n - 1) / 2] + sorted[n / 2]);
}

/* Median absolute deviation, scaled by 1.4826 so that it estimates the
 * standard deviation of a normal sample (criterion does the same).  The
 * deviations grow outwards from the median on both sides of a sorted
 * sample, so merging the two sides finds their median in one pass. */
double hs_sorted_mad(const double *sorted, size_t n, double median)
{
    size_t r = 0;
    while (r < n && sorted[r] < median)
        r++;
    size_t l = r; /* left side is sorted[l - 1], going down */
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    double d1 = 0, d = 0;
    for (size_t k = 0; k <= k2; k++) {
        if (r < n && (l == 0 || sorted[r] - median <= median - sorted[l - 1]))
            d = sorted[r++] - median;
        else
            d = median - sorted[--l];
        if (k == k1)
            d1 = d;
    }
    return 1.4826 * 0.5 * (d1 + d);
}
