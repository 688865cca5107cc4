/* hotpath-stats: the estimators, the bootstrap, outliers, modes, the
 * Mann-Whitney test and the verdicts, on samples whose answer is known. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hs_rng.h"
#include "stats.h"

static double normal(hs_rng *r)
{
    const double u1 = hs_rng_unit(r), u2 = hs_rng_unit(r);
    return sqrt(-2 * log(1 - u1)) * cos(2 * M_PI * u2);
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void select_matches_sort(void **state)
{
    (void)state;
    hs_rng r;
    hs_rng_seed(&r, 7);
    for (size_t n = 1; n < 200; n += 7) {
        double x[200], y[200], z[200];
        for (size_t i = 0; i < n; i++) /* few distinct values: ties too */
            x[i] = y[i] = (double)(hs_rng_next(&r) % (n / 2 + 1));
        qsort(y, n, sizeof *y, cmp);
        for (size_t k = 0; k < n; k++) {
            memcpy(z, x, n * sizeof *z);
            assert_true(hs_select(z, n, k) == y[k]);
        }
    }
}

/* The one-pass percentiles against quickselect on bootstrap-sized arrays:
 * continuous values, few distinct values (resampled medians look like
 * that), sorted and reversed input. */
static void interval95_matches_percentile(void **state)
{
    (void)state;
    enum { N = 100000 };
    static double x[N], y[N];
    hs_rng g;
    hs_rng_seed(&g, 17);
    for (int kind = 0; kind < 4; kind++) {
        for (size_t i = 0; i < N; i++)
            x[i] = kind == 1 ? (double)(hs_rng_next(&g) % 7) : kind == 2 ? (double)i
                 : kind == 3 ? (double)(N - i) : normal(&g);
        memcpy(y, x, sizeof x);
        double lo, hi;
        hs_interval95(x, N, &lo, &hi);
        assert_true(lo == hs_percentile(y, N, 0.025));
        assert_true(hi == hs_percentile(y, N, 0.975));
    }
}

static void median_mad_known(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, 4, 100};
    assert_true(hs_sorted_median(x, 5) == 3);
    /* |x - 3| = 2 1 0 1 97: median 1, scaled by 1.4826 */
    assert_true(fabs(hs_sorted_mad(x, 5, 3) - 1.4826) < 1e-12);
    const double y[] = {1, 2, 4, 8};
    assert_true(hs_sorted_median(y, 4) == 3);
    /* |y - 3| = 2 1 1 5: median (1 + 2) / 2 */
    assert_true(fabs(hs_sorted_mad(y, 4, 3) - 1.4826 * 1.5) < 1e-12);
}

/* The bootstrap's count-based resamples against brute force: the same
 * draws, each resample built, sorted and measured directly, must give
 * exactly the same replicates and so the same intervals. */
static void bootstrap_matches_brute_force(void **state)
{
    (void)state;
    enum { R = 500 };
    /* up to 256 values the MAD walks a cached order, beyond it a merge */
    static const size_t sizes[] = {2, 3, 7, 12, 17, 22, 27, 32, 257, 300};
    hs_rng g;
    hs_rng_seed(&g, 3);
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        const size_t n = sizes[z];
        double x[300], xs[300], res[300];
        for (size_t i = 0; i < n; i++) /* skewed, with ties */
            x[i] = floor(100 + 10 * normal(&g) + (i % 3 == 0 ? 40 : 0));
        memcpy(xs, x, sizeof x);
        qsort(xs, n, sizeof *xs, cmp);
        static double med[R], mean[R], sd[R], mad[R], got[R];
        hs_summary s;
        assert_int_equal(hs_bootstrap(x, n, R, 99, &s, got), 0);
        hs_rng r;
        hs_rng_seed(&r, 99);
        for (size_t b = 0; b < R; b++) {
            size_t i = 0;
            for (; i + 1 < n; i += 2) {
                const uint64_t bits = hs_rng_next(&r);
                res[i] = xs[hs_below((uint32_t)bits, (uint32_t)n)];
                res[i + 1] = xs[hs_below((uint32_t)(bits >> 32), (uint32_t)n)];
            }
            if (i < n)
                res[i] = xs[hs_below((uint32_t)hs_rng_next(&r), (uint32_t)n)];
            qsort(res, n, sizeof *res, cmp);
            mean[b] = hs_mean(res, n);
            sd[b] = hs_sd(res, n);
            med[b] = hs_sorted_median(res, n);
            mad[b] = hs_sorted_mad(res, n, med[b]);
            assert_true(med[b] == got[b]);
        }
        const struct {
            double *reps;
            hs_est e;
        } c[] = {{mean, s.mean}, {sd, s.sd}, {med, s.median}, {mad, s.mad}};
        for (size_t k = 0; k < 4; k++) {
            const double lo = hs_percentile(c[k].reps, R, 0.025);
            const double hi = hs_percentile(c[k].reps, R, 0.975);
            assert_true(fabs(lo - c[k].e.lo) <= 1e-9 * fabs(lo) + 1e-12);
            assert_true(fabs(hi - c[k].e.hi) <= 1e-9 * fabs(hi) + 1e-12);
        }
    }
}

/* Field by field: a struct's padding is not part of its value. */
static void assert_summary_equal(const hs_summary *a, const hs_summary *b)
{
    const hs_est *ea[4] = {&a->mean, &a->median, &a->sd, &a->mad};
    const hs_est *eb[4] = {&b->mean, &b->median, &b->sd, &b->mad};
    for (int i = 0; i < 4; i++)
        assert_memory_equal(ea[i], eb[i], sizeof(hs_est));
    assert_memory_equal(&a->out, &b->out, sizeof a->out);
    assert_int_equal(a->modes.state, b->modes.state);
    assert_int_equal(a->modes.n_lo, b->modes.n_lo);
}

static void bootstrap_reproducible(void **state)
{
    (void)state;
    double x[30];
    hs_rng g;
    hs_rng_seed(&g, 5);
    for (size_t i = 0; i < 30; i++)
        x[i] = 50 + normal(&g);
    hs_summary a, b, c;
    assert_int_equal(hs_bootstrap(x, 30, 5000, 11, &a, NULL), 0);
    assert_int_equal(hs_bootstrap(x, 30, 5000, 11, &b, NULL), 0);
    assert_int_equal(hs_bootstrap(x, 30, 5000, 12, &c, NULL), 0);
    assert_summary_equal(&a, &b);
    assert_true(a.mean.lo != c.mean.lo || a.mean.hi != c.mean.hi);
    assert_true(a.median.lo <= a.median.est && a.median.est <= a.median.hi);
}

/* 1000 seeded trials of 50 values from N(100, 10^2): the percentile
 * interval of the mean must cover 100 in 95% +- 3% of them. */
static void bootstrap_coverage(void **state)
{
    (void)state;
    enum { TRIALS = 1000, N = 50, R = 2000 };
    hs_rng g;
    hs_rng_seed(&g, 2024);
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
        double x[N];
        for (int i = 0; i < N; i++)
            x[i] = 100 + 10 * normal(&g);
        hs_summary s;
        assert_int_equal(hs_bootstrap(x, N, R, (uint64_t)t, &s, NULL), 0);
        covered += s.mean.lo <= 100 && 100 <= s.mean.hi;
    }
    print_message("coverage of the mean: %d / %d\n", covered, TRIALS);
    assert_in_range(covered, 920, 980);
}

/* 10..29 with the two lowest and two highest values replaced: the
 * quartiles (type 7: 14.75 and 24.25, IQR 9.5) do not move, so the fences
 * are 0.5 / -13.75 below and 38.5 / 52.75 above. */
static void tukey_exact(void **state)
{
    (void)state;
    double x[20];
    for (int i = 0; i < 20; i++)
        x[i] = 10 + i;
    x[0] = -20; /* low severe */
    x[1] = 0;   /* low mild */
    x[18] = 45; /* high mild */
    x[19] = 100; /* high severe */
    qsort(x, 20, sizeof *x, cmp);
    hs_outliers o = hs_tukey(x, 20);
    assert_int_equal(o.low_severe, 1);
    assert_int_equal(o.low_mild, 1);
    assert_int_equal(o.high_mild, 1);
    assert_int_equal(o.high_severe, 1);
    x[18] = 38.5; /* on the fence: not an outlier */
    qsort(x, 20, sizeof *x, cmp);
    o = hs_tukey(x, 20);
    assert_int_equal(hs_outlier_count(&o), 3);
    assert_int_equal(o.high_mild, 0);
}

static void modes_found_and_not_invented(void **state)
{
    (void)state;
    hs_rng g;
    hs_rng_seed(&g, 77);
    int two = 0, false_alarm = 0;
    for (int t = 0; t < 500; t++) {
        double x[30], y[30];
        for (int i = 0; i < 30; i++) {
            /* DESIGN.md's case: one binary at ~30 or ~43 (3% noise each) */
            x[i] = (i % 2 ? 30.0 : 43.0) * (1 + 0.03 * normal(&g));
            y[i] = 100 + 5 * normal(&g);
        }
        qsort(x, 30, sizeof *x, cmp);
        qsort(y, 30, sizeof *y, cmp);
        const hs_modes m = hs_find_modes(x, 30);
        if (m.state == HS_MODES_TWO) {
            two++;
            assert_true(fabs(m.lo - 30) < 2 && fabs(m.hi - 43) < 2);
            assert_int_equal(m.n_lo + m.n_hi, 30);
        }
        false_alarm += hs_find_modes(y, 30).state == HS_MODES_TWO;
    }
    /* measured: 499 of 500 (the miss has a 4-sigma value inside the gap) */
    assert_in_range(two, 495, 500);
    assert_int_equal(false_alarm, 0);
    const double few[5] = {1, 2, 3, 100, 101};
    assert_int_equal(hs_find_modes(few, 5).state, HS_MODES_NA);
}

static void mann_whitney_known(void **state)
{
    (void)state;
    const double a[5] = {1, 2, 3, 4, 5}, b[5] = {6, 7, 8, 9, 10};
    /* completely separated: exact two-sided p = 2 / C(10, 5) */
    assert_true(fabs(hs_mann_whitney_p(a, 5, b, 5) - 2.0 / 252) < 1e-12);
    assert_true(fabs(hs_mann_whitney_p(b, 5, a, 5) - 2.0 / 252) < 1e-12);
    assert_true(hs_mann_whitney_p(a, 5, a, 5) == 1);
    /* with ties, asymptotic: scipy 1.10 mannwhitneyu(c, d) (two-sided,
     * tie and continuity corrected) gives U = 7, p = 0.08583877982601507 */
    const double c[6] = {1, 2, 2, 3, 3, 4}, d[6] = {2, 3, 4, 4, 5, 6};
    assert_true(fabs(hs_mann_whitney_p(c, 6, d, 6) - 0.08583877982601507) < 1e-9);
}

/* A run and a baseline of one benchmark, through the whole analysis. */
static int compare(double shift, double noise_sd, uint64_t seed, hs_bench *out)
{
    hs_set run = {0}, base = {0};
    hs_file *fr = hs_add_file(&run, "run.json", NULL, HS_KIND_GBENCH);
    hs_file *fb = hs_add_file(&base, "base.json", NULL, HS_KIND_GBENCH);
    hs_bench *br = hs_new_bench(&run, "sum_array/auto/1024", "-", fr);
    hs_bench *bb = hs_new_bench(&base, "sum_array/auto/1024", "-", fb);
    hs_rng g;
    hs_rng_seed(&g, seed);
    for (int i = 0; i < 30; i++) {
        hs_add_sample(bb, 100 * (1 + noise_sd * normal(&g)), NAN, NAN);
        hs_add_sample(br, 100 * (1 + shift) * (1 + noise_sd * normal(&g)), NAN, NAN);
    }
    const hs_options o = {5000, 1, 0.02, 0.05, 2, 0.05};
    assert_int_equal(hs_analyze(&run, &base, &o), 0);
    assert_ptr_equal(run.b[0].base, &base.b[0]);
    *out = run.b[0];
    const int v = run.b[0].verdict;
    hs_set_free(&run);
    hs_set_free(&base);
    return v;
}

static void verdicts(void **state)
{
    (void)state;
    hs_bench b;
    assert_int_equal(compare(+0.10, 0.01, 1, &b), HS_VERDICT_REGRESSED);
    assert_true(b.p < 0.05 && b.change.lo > 0.02 && fabs(b.change.est - 0.10) < 0.02);
    assert_int_equal(compare(-0.10, 0.01, 2, &b), HS_VERDICT_IMPROVED);
    assert_true(b.change.hi < -0.02);
    /* significant, but inside the 2% noise threshold */
    assert_int_equal(compare(+0.01, 0.001, 3, &b), HS_VERDICT_NOISE);
    assert_true(b.p < 0.05);
    /* the same distribution: no change (p for these seeded samples) */
    assert_int_equal(compare(0, 0.01, 4, &b), HS_VERDICT_NO_CHANGE);
    assert_true(b.p >= 0.05);
    assert_string_equal(hs_verdict_text(HS_VERDICT_NOISE), "Change within noise threshold.");
    assert_string_equal(hs_verdict_text(HS_VERDICT_NO_CHANGE),
                        "No change in performance detected.");
}

/* sum_array's registry as hotpath-bench records it in the context
 * (bench/context.cc): reference, stages, orders, peers included. */
static const char registry_json[] =
    "{\"context\": {\"hp_family.sum_array\": \"order=3 reference=scalar size_unit=elements\", "
    "\"hp_variant.sum_array/scalar\": \"order=7 stage=baseline\", "
    "\"hp_variant.sum_array/auto\": \"order=8 stage=auto\", "
    "\"hp_variant.sum_array/glibc\": \"order=140 stage=library\", "
    "\"hp_variant.sum_array/memcpy\": \"order=141 stage=limit\", \"hp_variants\": \"4\"}}";

/* Speedups inside a group: reference, peer (library) and limit from the
 * file's registry context (sum_array's reference is "scalar"); the result
 * must not depend on the number of threads. */
static void speedups(void **state)
{
    (void)state;
    const char *names[4] = {"sum_array/scalar/64", "sum_array/auto/64", "sum_array/glibc/64",
                            "sum_array/memcpy/64"};
    const double t[4] = {400, 100, 200, 50};
    hs_bench got[2][4];
    for (int threads = 1; threads <= 2; threads++) {
        hs_set run = {0};
        hs_file *f = hs_add_file(&run, "run.json", json_loads(registry_json, 0, NULL),
                                 HS_KIND_GBENCH);
        assert_non_null(f);
        assert_null(f->no_registry);
        hs_rng g;
        hs_rng_seed(&g, 8);
        for (int k = 0; k < 4; k++) {
            hs_bench *b = hs_new_bench(&run, names[k], "-", f);
            for (int i = 0; i < 20; i++)
                hs_add_sample(b, t[k] * (1 + 0.01 * normal(&g)), NAN, NAN);
        }
        const hs_options o = {4000, 1, 0.02, 0.05, threads, 0.05};
        assert_int_equal(hs_analyze(&run, NULL, &o), 0);
        assert_string_equal(run.b[0].stage, "baseline");
        assert_string_equal(run.b[1].stage, "auto");
        assert_string_equal(run.b[2].stage, "library");
        assert_string_equal(run.b[3].stage, "limit");
        const hs_bench *a = &run.b[1];
        assert_true(a->speedup.lo < 4 && 4 < a->speedup.hi);
        assert_true(a->vs_peer.lo < 2 && 2 < a->vs_peer.hi);
        assert_true(a->vs_limit.lo < 0.5 && 0.5 < a->vs_limit.hi);
        assert_true(run.b[0].speedup.est == 1);
        for (int k = 0; k < 4; k++)
            got[threads - 1][k] = run.b[k];
        hs_set_free(&run);
    }
    for (int k = 0; k < 4; k++) {
        assert_summary_equal(&got[0][k].s, &got[1][k].s);
        assert_memory_equal(&got[0][k].speedup, &got[1][k].speedup, sizeof(hs_est));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(select_matches_sort),
        cmocka_unit_test(interval95_matches_percentile),
        cmocka_unit_test(median_mad_known),
        cmocka_unit_test(bootstrap_matches_brute_force),
        cmocka_unit_test(bootstrap_reproducible),
        cmocka_unit_test(bootstrap_coverage),
        cmocka_unit_test(tukey_exact),
        cmocka_unit_test(modes_found_and_not_invented),
        cmocka_unit_test(mann_whitney_known),
        cmocka_unit_test(verdicts),
        cmocka_unit_test(speedups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
