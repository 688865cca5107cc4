/* The bootstrap: resample with replacement, recompute each estimator, read
 * the 2.5% and 97.5% percentiles of the replicates (criterion's method).
 *
 * A resample is drawn as counts over the sorted sample (how often each value
 * was picked), so no resample is ever sorted: the mean and the standard
 * deviation are sums over the draws, the median is a cumulative scan of the
 * counts from the middle, and the MAD walks the values in order of distance
 * from that median, each linear in the sample size. */
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

/* The MAD of a resample by merging outwards from the median: deviations
 * grow on both sides of it.  xs[-1] = -inf and xs[n] = +inf (with zero
 * counts) end both sides, and the choice of side is a select, not a branch,
 * since it is unpredictable.  Used beyond HS_MAD_CACHE values. */
static double resample_mad(const double *xs, const uint32_t *counts, size_t n, size_t i_med,
                           double med)
{
    size_t r = i_med; /* split where xs[r - 1] <= med <= xs[r] */
    while (r < n && xs[r] < med)
        r++;
    ptrdiff_t l = (ptrdiff_t)r - 1;
    size_t cum = 0;
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    double d1 = NAN;
    /* Each step takes one element and the counts sum to n > k2, so the
     * loop ends within n steps; the side tests keep it inside xs even when
     * a distance is NaN (inf - inf), which the sentinels alone do not. */
    for (;;) {
        const double dr = xs[r] - med, dl = med - xs[l];
        const int right = l < 0 || (r < n && !(dr > dl));
        const double d = right ? dr : dl;
        const uint32_t c = counts[right ? (ptrdiff_t)r : l];
        r += (size_t)right;
        l -= !right;
        if (cum + c > k1) {
            if (isnan(d1))
                d1 = d;
            if (cum + c > k2)
                return 1.4826 * 0.5 * (d1 + d);
        }
        cum += c;
    }
}

/* The MAD's order is fixed by the median: given where the resample's
 * median falls (elements i and j of the sorted sample), the values sorted
 * by distance from it are always the same sequence.  For samples up to
 * HS_MAD_CACHE values that sequence is computed once per (i, j) met, and
 * each resample only accumulates its counts along it: a loop whose
 * iterations do not wait on one another, unlike the merge above. */
#define HS_MAD_CACHE 256

typedef struct mad_cache {
    uint16_t **order; /* [i * n + j], NULL until met */
    size_t n;
} mad_cache;

static const uint16_t *mad_order(mad_cache *c, const double *xs, size_t i, size_t j, double med)
{
    uint16_t **slot = &c->order[i * c->n + j];
    if (*slot)
        return *slot;
    uint16_t *o = malloc(c->n * sizeof *o);
    if (!o)
        return NULL;
    const size_t n = c->n;
    size_t r = i;
    while (r < n && xs[r] < med)
        r++;
    ptrdiff_t l = (ptrdiff_t)r - 1;
    /* n steps, each taking an element from a side that has one left: the
     * order is a permutation of 0..n-1 whatever the values (NaN, inf). */
    for (size_t t = 0; t < n; t++) {
        if (l < 0 || (r < n && !(xs[r] - med > med - xs[l])))
            o[t] = (uint16_t)r++;
        else
            o[t] = (uint16_t)l--;
    }
    *slot = o;
    return o;
}

static double cached_mad(const double *xs, const uint32_t *counts, size_t n, const uint16_t *o,
                         double med)
{
    /* o is a permutation of 0..n-1 and the counts sum to n > k2: both
     * scans stop before t reaches n. */
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    size_t cum = 0, t = 0;
    while (t + 1 < n && cum + counts[o[t]] <= k1)
        cum += counts[o[t++]];
    const double d1 = fabs(xs[o[t]] - med);
    while (t + 1 < n && cum + counts[o[t]] <= k2)
        cum += counts[o[t++]];
    return 1.4826 * 0.5 * (d1 + fabs(xs[o[t]] - med));
}

static void mad_cache_free(mad_cache *c)
{
    if (c->order)
        for (size_t i = 0; i < c->n * c->n; i++)
            free(c->order[i]);
    free(c->order);
}

int hs_bootstrap(const double *x, size_t n, size_t resamples, uint64_t seed,
                 hs_summary *s, double *med_reps)
{
    /* xs: the sorted sample between two sentinels; d, d2: centred values
     * and their squares, so the variance sum does not cancel. */
    double *buf = malloc((3 * n + 2) * sizeof *buf);
    if (!buf)
        return -1;
    double *xs = buf + 1, *d = buf + n + 2, *d2 = d + n;
    memcpy(xs, x, n * sizeof *xs);
    hs_sort(xs, n);
    xs[-1] = -INFINITY;
    xs[n] = INFINITY;

    const double m0 = hs_mean(xs, n), med0 = hs_sorted_median(xs, n);
    s->mean = (hs_est){m0, NAN, NAN};
    s->median = (hs_est){med0, NAN, NAN};
    s->sd = (hs_est){hs_sd(xs, n), NAN, NAN};
    s->mad = (hs_est){hs_sorted_mad(xs, n, med0), NAN, NAN};
    s->out = hs_tukey(xs, n);
    s->modes = hs_find_modes(xs, n);
    if (n < 2 || resamples < 2 || n >= UINT32_MAX) {
        free(buf);
        return 0;
    }

    const size_t R = resamples;
    uint32_t *cbuf = calloc(n + 2, sizeof *cbuf);
    double *reps = malloc(4 * R * sizeof *reps);
    if (!cbuf || !reps) {
        free(buf);
        free(cbuf);
        free(reps);
        return -1;
    }
    uint32_t *counts = cbuf + 1; /* counts[-1] = counts[n] = 0: the sentinels */
    double *r_mean = reps, *r_sd = reps + R, *r_mad = reps + 2 * R, *r_med = reps + 3 * R;
    if (med_reps)
        r_med = med_reps;

    for (size_t i = 0; i < n; i++) {
        d[i] = xs[i] - m0;
        d2[i] = d[i] * d[i];
    }
    const double inv_n = 1.0 / (double)n, inv_n1 = 1.0 / (double)(n - 1);
    const size_t k1 = (n - 1) / 2, k2 = n / 2;
    const uint32_t n32 = (uint32_t)n, half = (uint32_t)(n / 2);
    hs_rng rng;
    hs_rng_seed(&rng, seed);
    mad_cache cache = {NULL, n}; /* without it (large n, no memory): the merge */
    if (n <= HS_MAD_CACHE)
        cache.order = calloc(n * n, sizeof *cache.order);

    for (size_t b = 0; b < R; b++) {
        memset(counts, 0, n * sizeof *counts);
        /* two sums each for the mean and the variance: shorter chains of
         * dependent additions; `below` counts draws under the middle */
        double s1a = 0, s1b = 0, s2a = 0, s2b = 0;
        size_t i = 0, below = 0;
        for (; i + 3 < n; i += 4) {
            const uint64_t u = hs_rng_next(&rng), v = hs_rng_next(&rng);
            const uint32_t a = hs_below((uint32_t)u, n32), c = hs_below((uint32_t)(u >> 32), n32);
            const uint32_t e = hs_below((uint32_t)v, n32), f = hs_below((uint32_t)(v >> 32), n32);
            counts[a]++;
            counts[c]++;
            counts[e]++;
            counts[f]++;
            s1a += d[a] + d[c];
            s1b += d[e] + d[f];
            s2a += d2[a] + d2[c];
            s2b += d2[e] + d2[f];
            below += (a < half) + (c < half) + (e < half) + (f < half);
        }
        for (; i < n; i += 2) { /* the same draws as pairs, the last maybe alone */
            const uint64_t u = hs_rng_next(&rng);
            const uint32_t a = hs_below((uint32_t)u, n32);
            counts[a]++;
            s1a += d[a];
            s2a += d2[a];
            below += a < half;
            if (i + 1 < n) {
                const uint32_t c = hs_below((uint32_t)(u >> 32), n32);
                counts[c]++;
                s1b += d[c];
                s2b += d2[c];
                below += c < half;
            }
        }
        const double s1 = s1a + s1b, s2 = s2a + s2b;
        r_mean[b] = m0 + s1 * inv_n;
        const double var = (s2 - s1 * s1 * inv_n) * inv_n1;
        r_sd[b] = var > 0 ? sqrt(var) : 0;

        scan sc = {half, below}; /* start at the middle, where the median is */
        while (sc.cum > k1)
            sc.cum -= counts[--sc.i];
        const double a = at_position(xs, counts, &sc, k1);
        const size_t i_med = sc.i;
        const double med = 0.5 * (a + at_position(xs, counts, &sc, k2));
        r_med[b] = med;
        const uint16_t *o = cache.order ? mad_order(&cache, xs, i_med, sc.i, med) : NULL;
        r_mad[b] = o ? cached_mad(xs, counts, n, o, med)
                     : resample_mad(xs, counts, n, i_med, med);
    }
    mad_cache_free(&cache);

    hs_interval95(r_mean, R, &s->mean.lo, &s->mean.hi);
    hs_interval95(r_sd, R, &s->sd.lo, &s->sd.hi);
    hs_interval95(r_mad, R, &s->mad.lo, &s->mad.hi);
    if (med_reps) { /* the caller's replicates stay in draw order */
        memcpy(r_mean, med_reps, R * sizeof *r_mean);
        r_med = r_mean;
    }
    hs_interval95(r_med, R, &s->median.lo, &s->median.hi);
    free(reps);
    free(cbuf);
    free(buf);
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
    hs_interval95(scratch, resamples, &e.lo, &e.hi);
    return e;
}
