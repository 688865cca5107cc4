/* The per-family harnesses (shims/harness.h): one per registered family
 * and no other, inputs that agree with the family's own facts at every
 * benchmark size and mode, buffers where the offset says, and every
 * runnable variant (peers and limit lines included) called through run on
 * them, so a harness that hands a kernel a short buffer fails here under
 * ASan rather than in a benchmark. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "gate.h"
#include "harness.h"
#include "hotpath.h"

static void one_harness_per_family(void **state)
{
    (void)state;
    size_t nf, nh;
    const hp_family *f = hp_families(&nf);
    const hp_harness *h = hp_harnesses(&nh);
    assert_int_equal(nf, nh);
    for (size_t i = 0; i < nf; i++) {
        /* The same order: the milestones' list is written once. */
        assert_string_equal(f[i].name, h[i].family);
        assert_ptr_equal(hp_harness_find(f[i].name), &h[i]);
        assert_non_null(h[i].prepare);
        assert_non_null(h[i].run);
        assert_non_null(h[i].check);
        assert_true(h[i].default_size > 0);
        assert_true(h[i].offset_align >= 1 && h[i].offset_align <= 64 &&
                    (h[i].offset_align & (h[i].offset_align - 1)) == 0);
        assert_true(h[i].n_quick_sizes <= h[i].n_sizes);
        assert_true((h[i].n_sizes == 0) == (h[i].n_quick_sizes == 0));
        assert_true(h[i].n_modes == 0 || h[i].default_mode < h[i].n_modes);
        for (size_t m = 0; m < h[i].n_modes; m++)
            assert_int_equal(hp_harness_mode(&h[i], h[i].modes[m]), (int)m);
        assert_int_equal(hp_harness_mode(&h[i], "no such mode"), -1);
    }
    assert_null(hp_harness_find("no_such_family"));
}

/* Calls every runnable variant of h's family on *in (limit lines only when
 * limit is set); returns how many ran. */
static size_t run_all(const hp_harness *h, hp_input *in, int limit)
{
    size_t n, ran = 0;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v[i].family, h->family) != 0 || (v[i].stage == HP_STAGE_LIMIT) != limit ||
            !hp_all_runnable(&v[i], NULL))
            continue;
        (void)(limit ? hp_limit_run : h->run)(v[i].fn, in, 2);
        ran++;
    }
    return ran;
}

/* Each size a benchmark can ask for (quick sizes are among them), at its
 * smallest three and in every mode: prepared, sized as the family says,
 * and run by every variant.  The big sizes are left to the benchmarks:
 * the same code, a larger n. */
static void inputs_match_the_family(void **state)
{
    (void)state;
    size_t nh;
    const hp_harness *h = hp_harnesses(&nh);
    char err[256];
    for (size_t i = 0; i < nh; i++) {
        const hp_family *fam = hp_find_family(h[i].family);
        uint64_t sizes[4] = {h[i].default_size};
        size_t ns = 1;
        for (size_t k = 0; k < h[i].n_sizes && ns < 4; k++)
            if (h[i].sizes[k] <= (1u << 20))
                sizes[ns++] = h[i].sizes[k];
        for (size_t k = 0; k < h[i].n_quick_sizes; k++) {
            int listed = 0;
            for (size_t j = 0; j < h[i].n_sizes; j++)
                listed |= h[i].quick_sizes[k] == h[i].sizes[j];
            if (!listed)
                fail_msg("%s: quick size %llu is not a benchmark size", h[i].family,
                         (unsigned long long)h[i].quick_sizes[k]);
        }
        const size_t modes = h[i].n_modes ? h[i].n_modes : 1;
        for (size_t s = 0; s < ns; s++)
            for (size_t m = 0; m < modes; m++) {
                /* Placements off the 64-byte boundary, at the elements'
                 * alignment: the harness must honour them. */
                const size_t off = (13 + 7 * s) / h[i].offset_align * h[i].offset_align;
                hp_input in = {0};
                if (h[i].offset_align > 1) { /* and refuse one that splits an element */
                    in.offset = off + 1;
                    assert_int_not_equal(
                        hp_harness_prepare(&h[i], &in, sizes[s], m, err, sizeof err), 0);
                    hp_input_free(&in);
                }
                in.offset = off;
                if (hp_harness_prepare(&h[i], &in, sizes[s], m, err, sizeof err))
                    fail_msg("%s: size %llu mode %zu: %s", h[i].family,
                             (unsigned long long)sizes[s], m, err);
                assert_int_equal(in.size, sizes[s]);
                assert_int_equal(in.offset, off);
                const uint64_t want = fam->bytes_touched ? fam->bytes_touched(sizes[s]) : 0;
                if (in.bytes != want)
                    fail_msg("%s/%llu: the harness says %llu bytes a call, the family %llu",
                             h[i].family, (unsigned long long)sizes[s],
                             (unsigned long long)in.bytes, (unsigned long long)want);
                for (int b = 0; b < HP_INPUT_BUFS; b++)
                    if (in.buf[b])
                        assert_int_equal((uintptr_t)in.buf[b] % 64, off);
                if (run_all(&h[i], &in, 0) == 0)
                    fail_msg("%s: no variant ran", h[i].family);
                hp_input_free(&in);
                assert_null(in.buf[0]);
                assert_int_equal(in.offset, off);
                if (h[i].limit_bytes && m == 0) {
                    hp_input lim = {0};
                    if (hp_limit_prepare(&h[i], &lim, sizes[s], err, sizeof err))
                        fail_msg("%s: limit at %llu: %s", h[i].family,
                                 (unsigned long long)sizes[s], err);
                    assert_int_equal(lim.arg, h[i].limit_bytes(sizes[s]));
                    run_all(&h[i], &lim, 1);
                    hp_input_free(&lim);
                }
            }
    }
}

/* The run loop is the measured thing: it calls the variant exactly iters
 * times (the per-call result of a pure family times iters). */
static void run_calls_iters_times(void **state)
{
    (void)state;
    const hp_harness *h = hp_harness_find("strlen");
    assert_non_null(h);
    hp_input in = {0};
    char err[256];
    assert_int_equal(hp_harness_prepare(h, &in, 100, 0, err, sizeof err), 0);
    const hp_variant *ref = hp_find("strlen", "naive");
    assert_int_equal(h->run(ref->fn, &in, 1), 100);
    assert_int_equal(h->run(ref->fn, &in, 7), 700);
    assert_int_equal(h->run(ref->fn, &in, 0), 0);
    hp_input_free(&in);
}

/* Sizes a family cannot take, and modes it lacks, are refused with a
 * reason, and nothing leaks (ASan). */
static void bad_input_is_refused(void **state)
{
    (void)state;
    char err[256] = "";
    hp_input in = {0};
    assert_int_not_equal(hp_harness_prepare(hp_harness_find("base64_decode"), &in, 10, 0, err,
                                            sizeof err), 0);
    assert_non_null(strstr(err, "multiple of 4"));
    hp_input_free(&in);
    assert_int_not_equal(hp_harness_prepare(hp_harness_find("pointer_chase"), &in, 100, 0, err,
                                            sizeof err), 0);
    hp_input_free(&in);
    assert_int_not_equal(hp_harness_prepare(hp_harness_find("strlen"), &in, 10, 1, err,
                                            sizeof err), 0);
    hp_input_free(&in);
    assert_int_not_equal(hp_limit_prepare(hp_harness_find("strlen"), &in, 10, err, sizeof err), 0);
    hp_input_free(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_harness_per_family),
        cmocka_unit_test(inputs_match_the_family),
        cmocka_unit_test(run_calls_iters_times),
        cmocka_unit_test(bad_input_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
