/* Harnesses of milestone 1 (kernels/basics).  add, multiply and factorial
 * are single operations: one call of run is `size` calls of the variant
 * (a chain through the accumulator), so the figure is the cost of a call
 * through a pointer.  They have no benchmark sizes: hotpath-bench times
 * sum_array only. */
#include "basics.h"
#include "harness_impl.h"

static int prep_ops(hp_input *in, uint64_t size, char *err, size_t len)
{
    (void)err, (void)len;
    in->size = size;
    in->bytes = 0;
    return 0;
}

static uint64_t run_binary(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_add_fn f = HP_FN(hp_add_fn, fn); /* add and multiply share a type */
    uint32_t acc = 1;
    for (uint64_t k = 0; k < iters; k++)
        for (uint64_t i = 0; i < in->size; i++)
            acc = (uint32_t)f((int32_t)acc, (int32_t)i);
    return acc;
}

static uint64_t run_factorial(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_factorial_fn f = HP_FN(hp_factorial_fn, fn);
    uint64_t acc = 0;
    for (uint64_t k = 0; k < iters; k++)
        for (uint64_t i = 0; i < in->size; i++)
            acc += f((uint32_t)(i % 21)); /* 0! .. 20!, the exact range */
    return acc;
}

static void fill_bits(hp_rng *r, int32_t *a, size_t n)
{
    hp_rng_fill(r, a, n * sizeof *a);
}

/* Random bit patterns: the sums overflow and wrap. */
static int prep_sum_array(hp_input *in, uint64_t n, char *err, size_t len)
{
    return hp_harness_prep_i32(in, n, fill_bits, 1, err, len);
}

/* 16 .. 16Mi elements by 4: L1 to DRAM. */
static const uint64_t sum_sizes[] = {16,        64,        256,        1024,
                                     4096,      16384,     65536,      262144,
                                     1u << 20,  1u << 22,  1u << 24};
static const uint64_t sum_quick[] = {16, 1u << 24};

const hp_harness hp_harness_basics[] = {
    {"add", NULL, 0, NULL, 0, 1 << 20, prep_ops, run_binary, hp_check_binary, NULL, 0, 0, NULL,
     NULL, 1},
    {"multiply", NULL, 0, NULL, 0, 1 << 20, prep_ops, run_binary, hp_check_binary, NULL, 0, 0,
     NULL, NULL, 1},
    {"factorial", NULL, 0, NULL, 0, 1 << 20, prep_ops, run_factorial, hp_check_factorial, NULL,
     0, 0, NULL, NULL, 1},
    {"sum_array", HP_ARRAY(sum_sizes), HP_ARRAY(sum_quick), 1 << 16, prep_sum_array,
     hp_harness_run_i32, hp_check_sum_array, NULL, 0, 0, NULL, NULL, sizeof(int32_t)},
};
HP_HARNESS_COUNT(basics)
