/* Checks of milestone 1 (kernels/basics). */
#include "basics.h"
#include "check.h"
#include "rng.h"

#include <inttypes.h>

static const int32_t edge_i32[] = {0, 1, -1, 2, -2, 5, 3, -10, 20, 7, INT32_MAX, INT32_MIN,
                                   INT32_MAX - 1, INT32_MIN + 1, 65536, -65536};

int hp_check_binary(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_add_fn f = (hp_add_fn)v->fn, r = (hp_add_fn)ref->fn; /* add and multiply share a type */
    const size_t ne = sizeof edge_i32 / sizeof edge_i32[0];
    for (size_t i = 0; i < ne; i++)
        for (size_t j = 0; j < ne; j++) {
            int32_t a = edge_i32[i], b = edge_i32[j];
            if (f(a, b) != r(a, b))
                return hp_check_fail(msg, len, v, "(%" PRId32 ", %" PRId32 "): got %" PRId32
                                    ", want %" PRId32, a, b, f(a, b), r(a, b));
        }
    hp_rng rng = {42};
    for (int k = 0; k < 100000; k++) {
        int32_t a = (int32_t)hp_rng_next(&rng), b = (int32_t)hp_rng_next(&rng);
        if (f(a, b) != r(a, b))
            return hp_check_fail(msg, len, v, "(%" PRId32 ", %" PRId32 "): got %" PRId32
                                ", want %" PRId32, a, b, f(a, b), r(a, b));
    }
    return 0;
}

int hp_check_factorial(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_factorial_fn f = (hp_factorial_fn)v->fn, r = (hp_factorial_fn)ref->fn;
    for (uint32_t n = 0; n <= 70; n++)
        if (f(n) != r(n))
            return hp_check_fail(msg, len, v, "%" PRIu32 "!: got %" PRIu64 ", want %" PRIu64, n,
                                f(n), r(n));
    return 0;
}

static void fill_bits(hp_rng *rng, int32_t *a, size_t n)
{
    hp_rng_fill(rng, a, n * sizeof *a);
}

/* Random bit patterns: the sums overflow and must wrap alike. */
int hp_check_sum_array(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    return hp_check_i32_lengths(v, ref, fill_bits, 43, msg, len);
}
