/* hotpath-stats: the Benjamini-Hochberg adjustment (fdr.c) on p-values
 * whose answer is known, the verdicts it feeds, and the sign-test p-value
 * of paired rounds (sign_test.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "stats.h"

/* Benjamini and Hochberg (1995), section 4.1: fifteen p-values of a
 * clinical trial; at a false discovery rate of 5% the four smallest are
 * rejected (p(4) = 0.0095 <= 4 * 0.05 / 15, p(5) = 0.0201 > 5 * 0.05 / 15
 * and no larger one is under its line).  The adjusted values are
 * min over j >= i of 15 p(j) / j, worked out by hand for the sorted list. */
static void paper_example(void **state)
{
    (void)state;
    /* the paper's values, shuffled: the order of the input must not matter */
    static const int order[15] = {9, 3, 14, 0, 7, 12, 5, 1, 10, 6, 2, 13, 8, 4, 11};
    static const double sorted_p[15] = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201,
                                        0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
                                        0.4262, 0.5719, 0.6528, 0.7590, 1.0000};
    static const double sorted_q[15] = {0.0015,   0.003,    0.0095,   0.035625, 0.0603,
                                        0.0298 * 15 / 7, 0.0298 * 15 / 7, 0.0645, 0.0765,
                                        0.486, 0.4262 * 15 / 11, 0.5719 * 15 / 12,
                                        0.6528 * 15 / 13, 0.7590 * 15 / 14, 1};
    double p[15], q[15];
    for (int i = 0; i < 15; i++)
        p[i] = sorted_p[order[i]];
    assert_int_equal(hs_fdr_adjust(p, 15, q), 15);
    int rejected = 0;
    for (int i = 0; i < 15; i++) {
        assert_true(fabs(q[i] - sorted_q[order[i]]) < 1e-12);
        rejected += q[i] <= 0.05;
    }
    assert_int_equal(rejected, 4);
    /* q(6) comes from p(7): 15 * 0.0278 / 6 = 0.0695 is above 15 * 0.0298 / 7 */
    assert_true(sorted_q[5] < 15 * 0.0278 / 6);
}

/* Step-up: p(1) = 0.04 is above its own line (0.025), yet rejected because
 * p(2) = 0.045 is under its line (0.05).  NaN is no test: it stays NaN and
 * does not count in m. */
static void step_up_and_nan(void **state)
{
    (void)state;
    const double p[4] = {0.045, NAN, 0.04, NAN};
    double q[4];
    assert_int_equal(hs_fdr_adjust(p, 4, q), 2);
    assert_true(fabs(q[0] - 0.045) < 1e-15 && fabs(q[2] - 0.045) < 1e-15);
    assert_true(isnan(q[1]) && isnan(q[3]));
    /* one test: q = p; ties share one q; a q never exceeds 1 */
    const double one = 0.3, ties[3] = {0.5, 0.5, 0.9};
    double q1, qt[3];
    assert_int_equal(hs_fdr_adjust(&one, 1, &q1), 1);
    assert_true(q1 == 0.3);
    assert_int_equal(hs_fdr_adjust(ties, 3, qt), 3);
    assert_true(fabs(qt[0] - 0.75) < 1e-15 && qt[0] == qt[1] && qt[2] == 0.9);
    assert_int_equal(hs_fdr_adjust(NULL, 0, NULL), 0);
}

/* The verdicts of a run: twenty comparisons, each at p = 0.03 with its whole
 * interval beyond the noise threshold.  Each alone is significant; together,
 * with nineteen at p = 0.5, the one at p = 0.03 is not (q = min(20 * 0.03, 0.5)).  With
 * FDR off (0) the old per-comparison rule applies. */
static void run_verdicts(void **state)
{
    (void)state;
    hs_bench b[20], dummy;
    memset(b, 0, sizeof b);
    for (int i = 0; i < 20; i++) {
        b[i].base = &dummy;
        b[i].p = i == 7 ? 0.03 : 0.5;
        b[i].change = (hs_est){0.10, 0.05, 0.15};
    }
    hs_set run = {.b = b, .n = 20};
    hs_options o = {.noise = 0.02, .significance = 0.05, .fdr = 0.05};
    assert_int_equal(hs_fdr_verdicts(&run, &o), 0);
    assert_true(fabs(b[7].q - 0.5) < 1e-12);
    assert_int_equal(b[7].verdict, HS_VERDICT_NO_CHANGE);
    hs_fdr_count c = hs_fdr_summary(&run, &o);
    assert_int_equal(c.tests, 20);
    assert_int_equal(c.significant, 0);
    o.fdr = 0;
    assert_int_equal(hs_fdr_verdicts(&run, &o), 0);
    assert_true(b[7].q == 0.03);
    assert_int_equal(b[7].verdict, HS_VERDICT_REGRESSED);
    c = hs_fdr_summary(&run, &o);
    assert_int_equal(c.significant, 1);
    assert_int_equal(c.flagged, 1);
    assert_true(fabs(c.expected_false - 1.0) < 1e-12); /* 20 tests at 5% each */
    /* a real change among them survives: p = 0.0001 gives q = 0.002 */
    o.fdr = 0.05;
    b[3].p = 0.0001;
    assert_int_equal(hs_fdr_verdicts(&run, &o), 0);
    assert_int_equal(b[3].verdict, HS_VERDICT_REGRESSED);
    assert_int_equal(b[7].verdict, HS_VERDICT_NO_CHANGE); /* q = 0.3 */
    c = hs_fdr_summary(&run, &o);
    assert_int_equal(c.significant, 1);
    assert_true(fabs(c.expected_false - 0.05) < 1e-12);
}

/* Binomial(n, 1/2) tails counted by hand.  {+ + + - +}: 1 negative of 5,
 * P(X <= 1) = (1 + 5)/32, p = 12/32 whatever the sizes.  21 rounds all
 * one way: 2/2^21.  17 of 21 positive: 2 (1 + 21 + 210 + 1330 + 5985)/2^21.
 * The last one is the rounds of a real +5% with four disturbed rounds
 * (ratios 0.57 to 0.91), on which the signed-rank test gave p = 0.2. */
static void sign_test(void **state)
{
    (void)state;
    const double d[5] = {0.01, 0.02, 0.03, -0.04, 0.05};
    assert_true(fabs(hs_sign_test_p(d, 5) - 12.0 / 32) < 1e-12);
    const double big[5] = {0.01, 0.02, 0.03, -40, 0.05}; /* sizes do not count */
    assert_true(fabs(hs_sign_test_p(big, 5) - 12.0 / 32) < 1e-12);
    const double neg[5] = {-0.01, -0.02, -0.03, 0.04, -0.05}; /* nor the direction */
    assert_true(fabs(hs_sign_test_p(neg, 5) - 12.0 / 32) < 1e-12);
    double up[21];
    for (int i = 0; i < 21; i++)
        up[i] = 0.05 + 0.001 * i;
    assert_true(fabs(hs_sign_test_p(up, 21) / (2.0 / (1 << 21)) - 1) < 1e-9);
    static const double rounds[21] = {1.0500, 0.5736, 0.8159, 1.0510, 1.0510, 1.0464, 1.0516,
                                      0.9115, 1.0515, 1.0435, 1.0741, 1.0507, 1.0503, 1.0640,
                                      1.0505, 0.8730, 1.0506, 1.0503, 1.0371, 1.0488, 1.0695};
    double logs[21];
    for (int i = 0; i < 21; i++)
        logs[i] = log(rounds[i]);
    const double want = 2.0 * (1 + 21 + 210 + 1330 + 5985) / (1 << 21);
    assert_true(fabs(hs_sign_test_p(logs, 21) / want - 1) < 1e-9);
    /* zeros and NaN are dropped: n = 4, one negative, p = 2 * 5/16 */
    const double z[7] = {0, 0.01, NAN, 0.02, 0, 0.03, -0.04};
    assert_true(fabs(hs_sign_test_p(z, 7) - 10.0 / 16) < 1e-12);
    assert_true(hs_sign_test_p(z, 1) == 1);
    /* balanced signs: p = 1 (capped); 1000 rounds, 600 positive: tiny */
    const double bal[4] = {0.1, -0.1, 0.2, -0.2};
    assert_true(hs_sign_test_p(bal, 4) == 1);
    static double many[1000];
    for (int i = 0; i < 1000; i++)
        many[i] = i < 600 ? 1 : -1;
    assert_true(hs_sign_test_p(many, 1000) < 1e-8 && hs_sign_test_p(many, 1000) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paper_example),
        cmocka_unit_test(step_up_and_nan),
        cmocka_unit_test(run_verdicts),
        cmocka_unit_test(sign_test),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
