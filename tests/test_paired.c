/* The paired-rounds engine and its statistics: the median and its
 * bootstrap interval on samples whose answer is known, processes as
 * replicates, and the calibration family measured for real: a chain with
 * exactly 5% more work is flagged, the same chain against itself is not.
 *
 * The timed tests are statistical tests, not timing thresholds: each
 * asserts what an interval says, never how fast anything ran, and each
 * states its probability of failing by chance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibration.h"
#include "pair_stats.h"
#include "paired.h"
#include "rng.h"

static double unit(hp_rng *r) { return (double)(hp_rng_next(r) >> 11) * 0x1p-53; }

static double normal(hp_rng *r)
{
    const double u1 = unit(r), u2 = unit(r);
    return sqrt(-2 * log(1 - u1)) * cos(2 * M_PI * u2);
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void median_matches_sort(void **state)
{
    (void)state;
    hp_rng rng = {3};
    double x[301], y[301];
    for (size_t n = 1; n <= 301; n += 1 + n / 8) {
        for (size_t i = 0; i < n; i++) /* ties too: values from a small set */
            x[i] = y[i] = (double)hp_rng_below(&rng, n < 20 ? 5 : 1000);
        qsort(y, n, sizeof y[0], cmp);
        const double want = n % 2 ? y[n / 2] : 0.5 * (y[n / 2 - 1] + y[n / 2]);
        assert_true(hp_pair_median(x, n) == want);
    }
}

/* 400 data sets of 21 rounds, log-normal around a true median of 1 (3%
 * spread): the 95% interval must miss 1 about 5% of the time.  Seeded, so
 * deterministic; the bounds (1.25% .. 12.5%) would also hold for any seed
 * with probability > 0.999 if the coverage is right. */
static void interval_covers(void **state)
{
    (void)state;
    hp_rng rng = {11};
    double x[21];
    const size_t n = 21, one = 21;
    int misses = 0;
    for (int d = 0; d < 400; d++) {
        for (size_t i = 0; i < n; i++)
            x[i] = exp(0.03 * normal(&rng));
        hp_pair_ci ci;
        assert_int_equal(hp_pair_ci_median(x, &one, 1, 0.95, 1000, (uint64_t)d, &ci), 0);
        assert_true(ci.lo <= ci.est && ci.est <= ci.hi);
        misses += hp_pair_changed(&ci);
        /* the p-value and the interval agree on 5% */
        if (ci.p < 0.04)
            assert_true(hp_pair_changed(&ci));
        if (ci.p > 0.06)
            assert_false(hp_pair_changed(&ci));
    }
    assert_in_range(misses, 5, 50);
}

/* Four processes, one in a mode 20% slower: resampling processes widens
 * the interval well beyond the rounds-only one, and the modes are found. */
static void processes_widen_and_modes_show(void **state)
{
    (void)state;
    hp_rng rng = {5};
    double x[84];
    size_t groups[4] = {21, 21, 21, 21}, pooled = 84;
    for (size_t i = 0; i < 84; i++)
        x[i] = (i >= 63 ? 1.2 : 1.0) * exp(0.01 * normal(&rng));
    hp_pair_ci by_proc, by_round;
    assert_int_equal(hp_pair_ci_median(x, groups, 4, 0.95, 2000, 1, &by_proc), 0);
    assert_int_equal(hp_pair_ci_median(x, &pooled, 1, 0.95, 2000, 1, &by_round), 0);
    assert_true(by_proc.hi - by_proc.lo > 2 * (by_round.hi - by_round.lo));
    /* and the evidence of a change weakens accordingly */
    assert_true(by_proc.p > 2 * by_round.p);
    hp_pair_modes m;
    assert_int_equal(hp_pair_find_modes(x, groups, 4, 0.03, &m), 0);
    assert_int_equal(m.n, 2);
    assert_int_equal(m.procs[0], 3);
    assert_int_equal(m.procs[1], 1);
    assert_true(fabs(m.centre[1] / m.centre[0] - 1.2) < 0.02);
    for (size_t i = 63; i < 84; i++) /* the same four processes in one mode */
        x[i] /= 1.2;
    assert_int_equal(hp_pair_find_modes(x, groups, 4, 0.03, &m), 0);
    assert_int_equal(m.n, 1);
}

static void time_classes(void **state)
{
    (void)state;
    assert_string_equal(hp_pair_time_class(95), "100ns");
    assert_string_equal(hp_pair_time_class(1200), "1us");
    assert_string_equal(hp_pair_time_class(9000), "10us");
    assert_string_equal(hp_pair_time_class(250e3), "100us");
    const hp_pair_ci aa = {1.0, 0.99, 1.01, 0.05};
    assert_true(fabs(hp_pair_mde90(&aa) - 0.01 * (1.959964 + 1.281552) / 1.959964) < 1e-9);
}

/* One real paired comparison of the calibration chain (a ~10 us call)
 * against `b`; 1 if its 99% interval excludes 1, and in *ci. */
static int calibration_flags(const char *b, hp_pair_ci *ci, uint64_t seed)
{
    const hp_variant *va = hp_find("calibration", "chain"), *vb = hp_find("calibration", b);
    assert_non_null(va);
    assert_non_null(vb);
    hp_input ia = {0}, ib = {0};
    char err[160];
    assert_int_equal(hp_harness_calibration[0].prepare(&ia, 40000, err, sizeof err), 0);
    assert_int_equal(hp_harness_calibration[0].prepare(&ib, 40000, err, sizeof err), 0);
    const hp_pair_side sa = {.harness = &hp_harness_calibration[0], .fn = va->fn, .in = &ia};
    const hp_pair_side sb = {.harness = &hp_harness_calibration[0], .fn = vb->fn, .in = &ib};
    const hp_pair_opts o = {.round_s = 1e-3, .rounds = 41, .budget_s = 1};
    hp_pair_rounds r;
    const int rc = hp_pair_measure(&sa, &sb, &o, &r, err, sizeof err);
    if (rc)
        fail_msg("%s", err);
    const size_t n = r.n;
    assert_int_equal(hp_pair_ci_median(r.ratio, &n, 1, 0.99, 4000, seed, ci), 0);
    print_message("chain:%s rounds %u ratio %.4f [%.4f %.4f]\n", b, r.n, ci->est, ci->lo,
                  ci->hi);
    hp_pair_rounds_free(&r);
    return hp_pair_changed(ci);
}

/* +5% work is flagged as slower in at least 2 of 3 trials: with a 99%
 * interval and the power measured for ~10 us calls (detection limit well
 * under 5%, docs/paired.md), a trial misses with probability < 1%, so this
 * fails by chance with probability < 3e-4. */
static void five_percent_is_flagged(void **state)
{
    (void)state;
    int flagged = 0;
    for (uint64_t t = 0; t < 3; t++) {
        hp_pair_ci ci;
        flagged += calibration_flags("chain105", &ci, t) && ci.lo > 1;
    }
    assert_true(flagged >= 2);
}

/* The same chain against itself is not flagged in 2 of 3 trials: each
 * 99% interval excludes 1 with probability 1% if the interval is honest,
 * so a false failure has probability 3e-4. */
static void a_a_is_not_flagged(void **state)
{
    (void)state;
    int flagged = 0;
    for (uint64_t t = 0; t < 3; t++) {
        hp_pair_ci ci;
        flagged += calibration_flags("chain", &ci, t);
    }
    assert_true(flagged < 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(median_matches_sort),
        cmocka_unit_test(interval_covers),
        cmocka_unit_test(processes_widen_and_modes_show),
        cmocka_unit_test(time_classes),
        cmocka_unit_test(five_percent_is_flagged),
        cmocka_unit_test(a_a_is_not_flagged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
