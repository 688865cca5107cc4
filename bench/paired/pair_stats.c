/* Statistics over paired rounds (pair_stats.h). */
#include "pair_stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n): Lemire's multiply-shift, bias below 2^-32 for the
 * sample sizes here. */
static size_t below(uint64_t *s, size_t n)
{
    return (size_t)(((unsigned __int128)splitmix(s) * n) >> 64);
}

/* The k-th smallest of x[0..n), x reordered around it (Wirth's select). */
static double select_k(double *x, size_t n, size_t k)
{
    ptrdiff_t l = 0, m = (ptrdiff_t)n - 1;
    const ptrdiff_t kk = (ptrdiff_t)k;
    while (l < m) {
        const double pivot = x[kk];
        ptrdiff_t i = l, j = m;
        do {
            while (x[i] < pivot)
                i++;
            while (pivot < x[j])
                j--;
            if (i <= j) {
                const double t = x[i];
                x[i++] = x[j];
                x[j--] = t;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            m = j;
    }
    return x[kk];
}

double hp_pair_median(double *x, size_t n)
{
    const double upper = select_k(x, n, n / 2);
    if (n % 2)
        return upper;
    /* the lower middle is the largest value left of n/2 after the select */
    double lower = x[0];
    for (size_t i = 1; i < n / 2; i++)
        if (x[i] > lower)
            lower = x[i];
    return 0.5 * (lower + upper);
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int hp_pair_ci_median(const double *x, const size_t *group_n, size_t n_groups, double level,
                      uint32_t resamples, uint64_t seed, hp_pair_ci *out)
{
    size_t total = 0, biggest = 0;
    for (size_t g = 0; g < n_groups; g++) {
        total += group_n[g];
        if (group_n[g] > biggest)
            biggest = group_n[g];
    }
    if (total == 0 || resamples == 0)
        return -1;
    size_t *start = malloc(n_groups * sizeof *start);
    /* a resample may draw the biggest group every time */
    double *draw = malloc(n_groups * biggest * sizeof *draw);
    double *reps = malloc(resamples * sizeof *reps);
    if (!start || !draw || !reps) {
        free(start);
        free(draw);
        free(reps);
        return -1;
    }
    for (size_t g = 0, s = 0; g < n_groups; s += group_n[g++])
        start[g] = s;
    memcpy(draw, x, total * sizeof *draw);
    out->est = hp_pair_median(draw, total);

    uint64_t rng = seed ^ 0x6a09e667f3bcc908ull;
    for (uint32_t r = 0; r < resamples; r++) {
        size_t m = 0;
        for (size_t k = 0; k < n_groups; k++) {
            const size_t g = n_groups == 1 ? 0 : below(&rng, n_groups);
            for (size_t i = 0; i < group_n[g]; i++)
                draw[m++] = x[start[g] + below(&rng, group_n[g])];
        }
        reps[r] = m ? hp_pair_median(draw, m) : out->est;
    }
    qsort(reps, resamples, sizeof *reps, cmp_double);
    const double tail = (1 - level) / 2;
    size_t ilo = (size_t)floor(tail * (resamples - 1));
    size_t ihi = (size_t)ceil((1 - tail) * (resamples - 1));
    out->lo = reps[ilo];
    out->hi = reps[ihi < resamples ? ihi : resamples - 1];
    size_t below1 = 0, above1 = 0;
    for (uint32_t r = 0; r < resamples; r++) {
        below1 += reps[r] <= 1;
        above1 += reps[r] >= 1;
    }
    const size_t side = below1 < above1 ? below1 : above1;
    out->p = fmin(1, fmax(2.0 * (double)side, 1.0) / resamples);
    free(start);
    free(draw);
    free(reps);
    return 0;
}

/* Median and relative MAD of one process's rounds. */
static int centre_spread(const double *x, size_t n, double *med, double *mad)
{
    double *t = malloc(n * sizeof *t);
    if (!t)
        return -1;
    memcpy(t, x, n * sizeof *t);
    *med = hp_pair_median(t, n);
    for (size_t i = 0; i < n; i++)
        t[i] = fabs(x[i] - *med);
    *mad = hp_pair_median(t, n) / *med;
    free(t);
    return 0;
}

typedef struct proc {
    double med, mad;
} proc;

static int cmp_proc(const void *a, const void *b)
{
    const double x = ((const proc *)a)->med, y = ((const proc *)b)->med;
    return (x > y) - (x < y);
}

int hp_pair_find_modes(const double *x, const size_t *group_n, size_t n_groups, double gap,
                       hp_pair_modes *out)
{
    memset(out, 0, sizeof *out);
    proc *p = malloc((n_groups ? n_groups : 1) * sizeof *p);
    if (!p)
        return -1;
    size_t np = 0;
    for (size_t g = 0, s = 0; g < n_groups; s += group_n[g++])
        if (group_n[g] && centre_spread(x + s, group_n[g], &p[np].med, &p[np].mad) == 0)
            np++;
    if (np == 0) {
        free(p);
        return -1;
    }
    qsort(p, np, sizeof *p, cmp_proc);
    /* split into runs of neighbours; each mode's centre is its middle process */
    size_t first = 0;
    for (size_t i = 1; i <= np; i++) {
        int split = i == np;
        if (!split) {
            const double d = p[i].med / p[i - 1].med - 1;
            const double spread = fmax(p[i].mad, p[i - 1].mad);
            split = d > gap && d > 4 * spread && out->n + 1 < HP_PAIR_MAX_MODES;
        }
        if (split) {
            out->centre[out->n] = p[first + (i - first) / 2].med;
            out->procs[out->n] = i - first;
            out->n++;
            first = i;
        }
    }
    free(p);
    return 0;
}

double hp_pair_mde90(const hp_pair_ci *aa)
{
    /* z(0.975) = 1.959964, z(0.90) = 1.281552 */
    const double half = fmax(aa->hi - aa->est, aa->est - aa->lo) / aa->est;
    return half * (1.959964 + 1.281552) / 1.959964;
}

const char *hp_pair_time_class(double ns)
{
    static const char *const names[] = {"1ns",  "10ns", "100ns", "1us", "10us",
                                        "100us", "1ms", "10ms",  "100ms", "1s"};
    long k = lround(log10(ns > 0 ? ns : 1));
    if (k < 0)
        k = 0;
    if (k > 9)
        k = 9;
    return names[k];
}
