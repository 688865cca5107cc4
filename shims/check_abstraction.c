/* Checks of milestone 2 (kernels/abstraction): every variant of the
 * four families against the family's `manual` reference, after the seed's
 * values. */
#include "abstraction.h"
#include "check.h"
#include "rng.h"

#include <inttypes.h>
#include <string.h>

typedef int32_t (*pair_fn)(const int32_t *a, size_t n);

/* The seed's vector and value of each family. */
static const struct {
    const char *family;
    int32_t in[8];
    size_t n;
    int32_t want;
} seeds[] = {
    {"sum", {1, 2, 3, 4, 5}, 5, 15},
    {"sum_positive", {-5, -2, 0, 3, 7, -1, 10}, 7, 20},
    {"sum_squares", {1, 2, 3, 4}, 4, 30},
    {"sum_chain", {-10, 5, 30, 60, 100, 120}, 6, 70},
};

/* Values around every boundary the four computations have: sign, the
 * < 100 filter after doubling (49/50), doubling's wrap at 2^30, the
 * square's wrap at 46341, and the int32 extremes. */
static const int32_t edges[] = {0, 1, -1, 49, 50, 51, 99, 100, -100, 46340, 46341, -46341,
                                0x3fffffff, 0x40000000, 0x40000031, -0x40000000,
                                INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1};

/* A mix a filter neither always keeps nor always drops: a third small
 * values, a third edges, a third anything. */
static void fill(hp_rng *rng, int32_t *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t r = hp_rng_next(rng);
        switch (r % 3) {
        case 0: a[i] = (int32_t)((r >> 8) % 401) - 200; break;
        case 1: a[i] = edges[(r >> 8) % (sizeof edges / sizeof edges[0])]; break;
        default: a[i] = (int32_t)(uint32_t)(r >> 32); break;
        }
    }
}

int hp_check_abstraction(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    pair_fn f = (pair_fn)v->fn;
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        if (strcmp(seeds[i].family, v->family) != 0)
            continue;
        int32_t got = f(seeds[i].in, seeds[i].n);
        if (got != seeds[i].want)
            return hp_check_fail(msg, len, v, "seed vector: got %" PRId32 ", want %" PRId32, got,
                                seeds[i].want);
    }
    if (f(NULL, 0) != 0)
        return hp_check_fail(msg, len, v, "empty input: got %" PRId32 ", want 0", f(NULL, 0));
    return hp_check_i32_lengths(v, ref, fill, 4, msg, len);
}
