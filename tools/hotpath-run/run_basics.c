/* Runners of milestone 1 (kernels/basics).  add, multiply and factorial
 * are single operations: one "call" of the runner is `size` calls of the
 * variant, so the figure is the cost of a call through a pointer. */
#include "runners.h"

#include "basics.h"
#include "rng.h"
#include "hotpath.h"

static int prep_ops(hp_run_input *in, size_t size, char *err, size_t len)
{
    (void)err, (void)len;
    in->size = size;
    in->bytes = 0;
    return 0;
}

static uint64_t call_binary(const void *fn, hp_run_input *in)
{
    hp_add_fn f = HP_RUN_FN(hp_add_fn, fn); /* add and multiply share a type */
    uint32_t acc = 1;
    for (size_t i = 0; i < in->size; i++)
        acc = (uint32_t)f((int32_t)acc, (int32_t)i);
    return acc;
}

static uint64_t call_factorial(const void *fn, hp_run_input *in)
{
    hp_factorial_fn f = HP_RUN_FN(hp_factorial_fn, fn);
    uint64_t acc = 0;
    for (size_t i = 0; i < in->size; i++)
        acc += f((uint32_t)(i % 21)); /* 0! .. 20!, the exact range */
    return acc;
}

int hp_run_prep_i32(hp_run_input *in, size_t n, char *err, size_t len)
{
    int32_t *a = hp_run_alloc(in, 0, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {1};
    hp_rng_fill(&r, a, n * sizeof *a);
    in->size = n;
    in->bytes = n * sizeof *a;
    return 0;
}

uint64_t hp_run_call_i32(const void *fn, hp_run_input *in)
{
    return (uint32_t)HP_RUN_FN(hp_sum_array_fn, fn)(in->buf[0], in->size);
}

const hp_runner hp_runners_basics[] = {
    {"add", 1 << 20, prep_ops, call_binary},
    {"multiply", 1 << 20, prep_ops, call_binary},
    {"factorial", 1 << 20, prep_ops, call_factorial},
    {"sum_array", 1 << 16, hp_run_prep_i32, hp_run_call_i32},
};
HP_RUNNERS_COUNT(basics)
