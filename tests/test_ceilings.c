/* The ceiling loops (kernels/ceilings) do the work they are timed for, at
 * every ISA this CPU runs: read ORs every word (a bit set in any one word,
 * first or last, shows), write and ntstore fill exactly [0, bytes) with
 * the pattern, copy copies exactly, and the FMA and shuffle loops compute
 * what the same arithmetic in plain C computes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ceilings/ceiling.h"
#include "cpu/cpu.h"

#define MAXB (16 * HP_CEILING_STEP)

static const hp_ceiling_isa *const all[] = {&hp_ceiling_sse2, &hp_ceiling_avx2, &hp_ceiling_avx512};

static int runs(const hp_ceiling_isa *c)
{
    if ((c->features & hp_cpu_detected()) == c->features)
        return 1;
    printf("skip ceiling %s: this CPU lacks it\n", c->isa);
    return 0;
}

static void test_bandwidth_loops(void **state)
{
    (void)state;
    unsigned char *a = aligned_alloc(64, MAXB + 64), *b = aligned_alloc(64, MAXB + 64);
    assert_non_null(a);
    assert_non_null(b);
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        const hp_ceiling_isa *c = all[k];
        if (!runs(c))
            continue;
        for (size_t n = HP_CEILING_STEP; n <= MAXB; n += HP_CEILING_STEP) {
            memset(a, 0, MAXB + 64);
            assert_int_equal(c->read(a, n), 0);
            a[n - 1] = 0x80; /* the last byte read */
            assert_int_equal(c->read(a, n), (uint64_t)0x80 << 56);
            a[n] = 0x01; /* one past: must not be read */
            assert_int_equal(c->read(a, n), (uint64_t)0x80 << 56);
            a[0] = 0x02;
            assert_int_equal(c->read(a, n), ((uint64_t)0x80 << 56) | 2);

            const uint64_t pat = 0x1122334455667788ull;
            for (int nt = 0; nt < 2; nt++) {
                memset(a, 0xee, MAXB + 64);
                (nt ? c->ntstore : c->write)(a, n, pat);
                for (size_t i = 0; i < n; i += 8)
                    assert_memory_equal(a + i, &pat, 8);
                assert_int_equal(a[n], 0xee);
            }
            for (size_t i = 0; i < MAXB + 64; i++)
                a[i] = (unsigned char)(i * 7 + 3);
            memset(b, 0xee, MAXB + 64);
            c->copy(b, a, n);
            assert_memory_equal(a, b, n);
            assert_int_equal(b[n], 0xee);
        }
    }
    free(a);
    free(b);
}

static void test_peak_loops(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        const hp_ceiling_isa *c = all[k];
        if (!runs(c) || !c->fma)
            continue;
        /* every lane of chain j: a = a * 0.999999f + x, from x + j, fused */
        const uint64_t iters = 100;
        const float x = 1.0f;
        float sum = 0;
        for (int j = 0; j < HP_CEILING_CHAINS; j++) {
            float a = x + (float)j;
            for (uint64_t i = 0; i < iters; i++)
                a = fmaf(a, 0.999999f, x);
            sum += a;
        }
        const float got = c->fma(iters, x);
        assert_true(fabsf(got - 2 * sum) <= 1e-4f * fabsf(2 * sum));
        /* with the seed's low 3 bits of every byte clear, the index
         * reverses the bytes of every 8-byte word (all words are equal,
         * so pshufb's 16-byte lanes do not matter): one round is a byte
         * swap, two are the identity */
        const uint64_t seed = 0x0102030405060708ull;
        uint64_t want = 0;
        for (int j = 0; j < HP_CEILING_CHAINS; j++)
            want |= seed + (uint64_t)j;
        const uint64_t s0 = seed & ~0x0707070707070707ull;
        assert_int_equal(c->shuffle(1, s0), __builtin_bswap64(c->shuffle(0, s0)));
        assert_int_equal(c->shuffle(2, s0), c->shuffle(0, s0));
        assert_int_equal(c->shuffle(0, seed), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bandwidth_loops),
        cmocka_unit_test(test_peak_loops),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
