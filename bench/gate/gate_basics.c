/* Gate checks of milestone 1 (kernels/basics). */
#include "basics.h"
#include "gate.h"
#include "rng.h"

#include <inttypes.h>

static const int32_t edge_i32[] = {0, 1, -1, 2, -2, 5, 3, -10, 20, 7, INT32_MAX, INT32_MIN,
                                   INT32_MAX - 1, INT32_MIN + 1, 65536, -65536};

static int check_binary(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_add_fn f = (hp_add_fn)v->fn, r = (hp_add_fn)ref->fn; /* add and multiply share a type */
    const size_t ne = sizeof edge_i32 / sizeof edge_i32[0];
    for (size_t i = 0; i < ne; i++)
        for (size_t j = 0; j < ne; j++) {
            int32_t a = edge_i32[i], b = edge_i32[j];
            if (f(a, b) != r(a, b))
                return hp_gate_fail(msg, len, v, "(%" PRId32 ", %" PRId32 "): got %" PRId32
                                    ", want %" PRId32, a, b, f(a, b), r(a, b));
        }
    hp_rng rng = {42};
    for (int k = 0; k < 100000; k++) {
        int32_t a = (int32_t)hp_rng_next(&rng), b = (int32_t)hp_rng_next(&rng);
        if (f(a, b) != r(a, b))
            return hp_gate_fail(msg, len, v, "(%" PRId32 ", %" PRId32 "): got %" PRId32
                                ", want %" PRId32, a, b, f(a, b), r(a, b));
    }
    return 0;
}

static int check_factorial(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_factorial_fn f = (hp_factorial_fn)v->fn, r = (hp_factorial_fn)ref->fn;
    for (uint32_t n = 0; n <= 70; n++)
        if (f(n) != r(n))
            return hp_gate_fail(msg, len, v, "%" PRIu32 "!: got %" PRIu64 ", want %" PRIu64, n,
                                f(n), r(n));
    return 0;
}

static int check_sum_array(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_sum_array_fn f = (hp_sum_array_fn)v->fn, r = (hp_sum_array_fn)ref->fn;
    hp_rng rng = {7};
    /* Every length 0..257 and a few large random ones, at every alignment
     * of an int32 within a cache line, with values that overflow. */
    for (size_t n = 0; n <= 300; n++) {
        size_t len_n = n <= 257 ? n : 1000 + hp_rng_below(&rng, 70000);
        for (size_t mis = 0; mis < 64; mis += 4) {
            int32_t *a = hp_gate_alloc(len_n * sizeof *a, mis);
            if (!a)
                return hp_gate_fail(msg, len, v, "out of memory");
            hp_rng_fill(&rng, a, len_n * sizeof *a);
            int32_t got = f(a, len_n), want = r(a, len_n);
            hp_gate_free(a, mis);
            if (got != want)
                return hp_gate_fail(msg, len, v, "length %zu, misalignment %zu: got %" PRId32
                                    ", want %" PRId32, len_n, mis, got, want);
        }
    }
    return 0;
}

const hp_check hp_checks_basics[] = {
    {"add", check_binary},
    {"multiply", check_binary},
    {"factorial", check_factorial},
    {"sum_array", check_sum_array},
};
HP_GATE_COUNT(basics)
