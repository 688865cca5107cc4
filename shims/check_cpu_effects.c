/* Checks of milestone 7 (kernels/cpu_effects): every variant against
 * the family's reference, exactly (sums, final indices, chain values bit
 * for bit). */
#include "cpu_effects.h"
#include "check.h"
#include "perm.h"
#include "rng.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* int32 values that stress the sign extension and the comparison. */
static int32_t draw_i32(hp_rng *r)
{
    static const int32_t edge[] = {0, 1, -1, INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1};
    const uint64_t x = hp_rng_next(r);
    if (x % 8 == 0)
        return edge[(x >> 8) % (sizeof edge / sizeof edge[0])];
    return (int32_t)(uint32_t)(x >> 16);
}

int hp_check_branch_sum(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_branch_sum_fn f = (hp_branch_sum_fn)v->fn, r = (hp_branch_sum_fn)ref->fn;
    static const int32_t thresholds[] = {INT32_MIN, -1, 0, 127, INT32_MAX - 1, INT32_MAX};
    hp_rng rng = {11};
    /* Every length 0..257 at every int32 alignment within a cache line,
     * in exact-size buffers; then some large lengths at two alignments
     * (the tails are the same as above, only the loops run longer). */
    for (size_t k = 0; k <= 280; k++) {
        const size_t n = k <= 257 ? k : 1000 + (size_t)hp_rng_below(&rng, 50000);
        for (size_t mis = 0; mis < (k <= 257 ? 64u : 8u); mis += 4) {
            int32_t *a = hp_check_alloc(n * sizeof *a, mis);
            if (!a)
                return hp_check_fail(msg, len, v, "out of memory");
            for (size_t i = 0; i < n; i++)
                a[i] = draw_i32(&rng);
            for (size_t t = 0; t <= sizeof thresholds / sizeof thresholds[0]; t++) {
                const int32_t th = t < sizeof thresholds / sizeof thresholds[0]
                                       ? thresholds[t] : draw_i32(&rng);
                const int64_t got = f(a, n, th), want = r(a, n, th);
                if (got != want) {
                    hp_check_free(a, mis);
                    return hp_check_fail(msg, len, v, "length %zu, misalignment %zu, threshold %"
                                        PRId32 ": got %" PRId64 ", want %" PRId64,
                                        n, mis, th, got, want);
                }
            }
            hp_check_free(a, mis);
        }
    }
    return 0;
}

int hp_check_pointer_chase(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_pointer_chase_fn f = (hp_pointer_chase_fn)v->fn, r = (hp_pointer_chase_fn)ref->fn;
    hp_rng rng = {12};
    for (size_t n = 0; n <= 300; n++) {
        const size_t stride = n % 16 == 0 && n ? 16 : 1;
        const size_t k = n / stride;
        uint32_t *next = calloc(n ? n : 1, sizeof *next), *cyc = malloc((k ? k : 1) * sizeof *cyc);
        if (!next || !cyc) {
            free(next);
            free(cyc);
            return hp_check_fail(msg, len, v, "out of memory");
        }
        hp_perm_cycle(cyc, k, &rng);
        hp_perm_spread(cyc, k, next, stride);
        free(cyc);
        const size_t tries[] = {0, 1, 2, n / stride, n / stride + 1, 3 * n + 7};
        for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
            const uint32_t got = f(next, n, tries[t]), want = r(next, n, tries[t]);
            if (got != want) {
                free(next);
                return hp_check_fail(msg, len, v, "n %zu, stride %zu, %zu steps: got %" PRIu32
                                    ", want %" PRIu32, n, stride, tries[t], got, want);
            }
        }
        /* A corrupt entry must stop the chase with the error value. */
        if (n) {
            next[0] = (uint32_t)n;
            const uint32_t got = f(next, n, 5);
            if (got != HP_CHASE_OUT_OF_RANGE) {
                free(next);
                return hp_check_fail(msg, len, v, "n %zu, next[0] = n: got %" PRIu32
                                    ", want HP_CHASE_OUT_OF_RANGE", n, got);
            }
        }
        free(next);
    }
    return 0;
}

int hp_check_gather_sum(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_gather_sum_fn f = (hp_gather_sum_fn)v->fn, r = (hp_gather_sum_fn)ref->fn;
    hp_rng rng = {13};
    for (size_t k = 0; k <= 270; k++) {
        const size_t n = k <= 257 ? k : 1000 + (size_t)hp_rng_below(&rng, 50000);
        int32_t *a = hp_check_alloc(n * sizeof *a, 4 * (k % 16));
        uint32_t *idx = hp_check_alloc(n * sizeof *idx, 0);
        if (!a || !idx) {
            hp_check_free(a, 4 * (k % 16));
            hp_check_free(idx, 0);
            return hp_check_fail(msg, len, v, "out of memory");
        }
        for (size_t i = 0; i < n; i++)
            a[i] = draw_i32(&rng);
        int fail = 0;
        int64_t got = 0, want = 0;
        for (int shuffle = 0; shuffle <= 1 && !fail; shuffle++) {
            hp_perm_indices(idx, n, shuffle, &rng);
            got = f(a, n, idx, n), want = r(a, n, idx, n);
            fail = got != want;
        }
        if (!fail && n) { /* an index past the array is refused, not read */
            idx[n / 2] = (uint32_t)n;
            got = f(a, n, idx, n), want = HP_GATHER_OUT_OF_RANGE;
            fail = got != want;
        }
        hp_check_free(a, 4 * (k % 16));
        hp_check_free(idx, 0);
        if (fail)
            return hp_check_fail(msg, len, v, "length %zu: got %" PRId64 ", want %" PRId64,
                                n, got, want);
    }
    return 0;
}

static const size_t ilp_steps[] = {0, 1, 2, 3, 7, 8, 100, 1001, 65536};

int hp_check_ilp_imul(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_ilp_imul_fn f = (hp_ilp_imul_fn)v->fn, r = (hp_ilp_imul_fn)ref->fn;
    hp_rng rng = {14};
    for (size_t t = 0; t < sizeof ilp_steps / sizeof ilp_steps[0]; t++) {
        uint64_t got[HP_ILP_CHAINS], want[HP_ILP_CHAINS];
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            got[j] = want[j] = hp_rng_next(&rng);
        const uint64_t m = hp_rng_next(&rng) | 1, c = hp_rng_next(&rng);
        f(got, m, c, ilp_steps[t]);
        r(want, m, c, ilp_steps[t]);
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            if (got[j] != want[j])
                return hp_check_fail(msg, len, v, "%zu steps, chain %d: got %" PRIu64
                                    ", want %" PRIu64, ilp_steps[t], j, got[j], want[j]);
    }
    return 0;
}

int hp_check_ilp_fma(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_ilp_fma_fn f = (hp_ilp_fma_fn)v->fn, r = (hp_ilp_fma_fn)ref->fn;
    hp_rng rng = {15};
    for (size_t t = 0; t < sizeof ilp_steps / sizeof ilp_steps[0]; t++) {
        float got[HP_ILP_CHAINS], want[HP_ILP_CHAINS];
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            got[j] = want[j] = (float)(hp_rng_below(&rng, 2000001)) / 1000.0f - 1000.0f;
        /* |m| < 1 keeps the chains bounded; the fixed point is c / (1 - m). */
        const float m = 0.5f + (float)hp_rng_below(&rng, 1000) / 2048.0f;
        const float c = (float)hp_rng_below(&rng, 1000) / 100.0f;
        f(got, m, c, ilp_steps[t]);
        r(want, m, c, ilp_steps[t]);
        /* Bit for bit: same operations in the same order within a chain. */
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            if (memcmp(&got[j], &want[j], sizeof got[j]) != 0)
                return hp_check_fail(msg, len, v, "%zu steps, chain %d: got %a, want %a",
                                    ilp_steps[t], j, (double)got[j], (double)want[j]);
    }
    return 0;
}
