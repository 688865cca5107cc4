/* Harnesses of milestone 2 (kernels/abstraction): its four families share
 * hp_sum_array_fn's signature and one input: values in [-200, 200], so
 * that each filter keeps some elements and drops others (the chain keeps
 * 1..49, about 12%) and branchy code pays for its branches.  Sizes 16,
 * 64Ki and 16Mi elements (L1, L2, DRAM): more would not fit the time
 * budget with 40 variants. */
#include "abstraction.h"
#include "harness_impl.h"

static void fill_small(hp_rng *r, int32_t *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        a[i] = (int32_t)hp_rng_below(r, 401) - 200;
}

static int prep(hp_input *in, uint64_t n, char *err, size_t len)
{
    return hp_harness_prep_i32(in, n, fill_small, 9, err, len);
}

static const uint64_t sizes[] = {16, 1u << 16, 1u << 24};
static const uint64_t quick[] = {16, 1u << 24};

#define PAIR(f) \
    {f, HP_ARRAY(sizes), HP_ARRAY(quick), 1 << 16, prep, hp_harness_run_i32, hp_check_abstraction, \
     NULL, 0, 0, NULL, NULL, sizeof(int32_t)}

const hp_harness hp_harness_abstraction[] = {
    PAIR("sum"),
    PAIR("sum_positive"),
    PAIR("sum_squares"),
    PAIR("sum_chain"),
};
HP_HARNESS_COUNT(abstraction)
