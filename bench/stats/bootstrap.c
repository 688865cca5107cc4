/* The bootstrap: resample with replacement, recompute each estimator, read
 * the 2.5% and 97.5% percentiles of the replicates (criterion's method).
 *
 * A resample is drawn as counts over the sorted sample (how often each value
 * was picked), so no resample is ever sorted: the mean and the standard
 * deviation are weighted sums, the median is a cumulative scan and the MAD a
 * merge outwards from the median, each linear in the sample size. */
#include "stats.h"

#include "hs_rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

uint64_t hs_stream_seed(uint64_t seed, const char *a, const char *b, const char *c)
{
    /* FNV-1a over the names: each benchmark draws from its own stream, so
     * results do not depend on the order of work or the number of threads. */
    uint64_t h = 0xcbf29ce484222325ull;
    const char *parts[3] = {a, b, c};
    for (int i = 0; i < 3; i++) {
        for (const char *s = parts[i] ? parts[i] : ""; *s; s++)
            h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
        h = (h ^ 0xff) * 0x100000001b3ull;
    }
    uint64_t x = seed ^ h;
    return hs_splitmix64(&x);
}

/* The value at position k (0-based) of the resample given by counts. */
typedef struct scan {
    size_t i, cum; /* element i covers positions cum .. cum + counts[i] - 1 */
} scan;

static double at_position(const double *xs, const uint32_t *counts, scan *sc, size_t k)
{
    while (sc->cum + counts[sc->i] <= k)
        sc->cum += counts[sc->i++];
    return xs[sc->i];
}

static double resample_mad(const double *xs, const uint32_t *counts, size_t n, double med)
{
    size_t lo = 0, hi = n; /* first index with xs[r] >= med */
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (xs[mid] < med)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t r = lo, l = lo, cum = 0;
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    double d1 = NAN;
    for (;;) {
        double d;
        uint32_t c;
        if (r < n && (l == 0 || xs[r] - med <= med - xs[l - 1])) {
            d = xs[r] - med;
            c = counts[r++];
        } else {
            d = med - xs[--l];
            c = counts[l];
        }
        if (c == 0)
            continue;
        if (isnan(d1) && cum + c > k1)
            d1 = d;
        if (cum + c > k2)
            return 1.4826 * 0.5 * (d1 + d);
        cum += c;
    }
}

static void interval(hs_est *e, double *reps, size_t resamples)
{
    e->lo = hs_percentile(reps, resamples, 0.025);
    e->hi = hs_percentile(reps, resamples, 0.975);
}

int hs_bootstrap(const double *x, size_t n, size_t resamples, uint64_t seed,
                 hs_summary *s, double *med_reps)
{
    double *xs = malloc(2 * n * sizeof *xs);
    if (!xs)
        return -1;
    double *d = xs + n;
    memcpy(xs, x, n * sizeof *xs);
    hs_sort(xs, n);

    const double m0 = hs_mean(xs, n), med0 = hs_sorted_median(xs, n);
    s->mean = (hs_est){m0, NAN, NAN};
    s->median = (hs_est){med0, NAN, NAN};
    s->sd = (hs_est){hs_sd(xs, n), NAN, NAN};
    s->mad = (hs_est){hs_sorted_mad(xs, n, med0), NAN, NAN};
    s->out = hs_tukey(xs, n);
    s->modes = hs_find_modes(xs, n);
    if (n < 2 || resamples < 2 || n > UINT32_MAX) {
        free(xs);
        return 0;
    }

    const size_t R = resamples;
    uint32_t *counts = malloc(n * sizeof *counts);
    double *reps = malloc(4 * R * sizeof *reps);
    if (!counts || !reps) {
        free(xs);
        free(counts);
        free(reps);
        return -1;
    }
    double *r_mean = reps, *r_sd = reps + R, *r_mad = reps + 2 * R, *r_med = reps + 3 * R;
    if (med_reps)
        r_med = med_reps;

    for (size_t i = 0; i < n; i++)
        d[i] = xs[i] - m0; /* centred: the variance sum does not cancel */
    const double inv_n = 1.0 / (double)n, inv_n1 = 1.0 / (double)(n - 1);
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    const uint32_t n32 = (uint32_t)n;
    hs_rng rng;
    hs_rng_seed(&rng, seed);

    for (size_t b = 0; b < R; b++) {
        memset(counts, 0, n * sizeof *counts);
        size_t i = 0;
        for (; i + 1 < n; i += 2) {
            const uint64_t bits = hs_rng_next(&rng);
            counts[hs_below((uint32_t)bits, n32)]++;
            counts[hs_below((uint32_t)(bits >> 32), n32)]++;
        }
        if (i < n)
            counts[hs_below((uint32_t)hs_rng_next(&rng), n32)]++;

        double s1 = 0, s2 = 0;
        for (size_t j = 0; j < n; j++) {
            const double c = counts[j], cd = c * d[j];
            s1 += cd;
            s2 += cd * d[j];
        }
        r_mean[b] = m0 + s1 * inv_n;
        const double var = (s2 - s1 * s1 * inv_n) * inv_n1;
        r_sd[b] = var > 0 ? sqrt(var) : 0;

        scan sc = {0, 0};
        const double a = at_position(xs, counts, &sc, k1);
        const double med = 0.5 * (a + at_position(xs, counts, &sc, k2));
        r_med[b] = med;
        r_mad[b] = resample_mad(xs, counts, n, med);
    }

    interval(&s->mean, r_mean, R);
    interval(&s->sd, r_sd, R);
    interval(&s->mad, r_mad, R);
    if (med_reps) { /* the caller's replicates stay in draw order */
        memcpy(r_mean, med_reps, R * sizeof *r_mean);
        r_med = r_mean;
    }
    interval(&s->median, r_med, R);
    free(reps);
    free(counts);
    free(xs);
    return 0;
}

hs_est hs_ratio(double num_est, double den_est, const double *num_reps,
                const double *den_reps, size_t resamples, double offset, double *scratch)
{
    hs_est e = {num_est / den_est + offset, NAN, NAN};
    if (!num_reps || !den_reps || resamples < 2)
        return e;
    for (size_t i = 0; i < resamples; i++)
        scratch[i] = num_reps[i] / den_reps[i] + offset;
    interval(&e, scratch, resamples);
    return e;
}
