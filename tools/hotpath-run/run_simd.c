/* Runners of milestone 4 (kernels/simd): float vectors of `size`
 * elements, values in [-1, 1) so sums stay finite. */
#include "runners.h"

#include "rng.h"
#include "hotpath.h"

static int fill_floats(hp_run_input *in, int slot, size_t n, uint64_t seed, char *err, size_t len)
{
    float *a = hp_run_alloc(in, slot, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {seed};
    for (size_t i = 0; i < n; i++)
        a[i] = (float)((int64_t)(hp_rng_next(&r) >> 40) - (1 << 23)) / (float)(1 << 23);
    return 0;
}

static int prep_two(hp_run_input *in, size_t n, char *err, size_t len)
{
    in->size = n;
    in->bytes = 2 * n * sizeof(float);
    return fill_floats(in, 0, n, 1, err, len) || fill_floats(in, 1, n, 2, err, len) ? -1 : 0;
}

static int prep_add(hp_run_input *in, size_t n, char *err, size_t len)
{
    if (prep_two(in, n, err, len) || !hp_run_alloc(in, 2, n * sizeof(float), err, len))
        return -1;
    in->bytes = 3 * n * sizeof(float);
    return 0;
}

static int prep_one(hp_run_input *in, size_t n, char *err, size_t len)
{
    in->size = n;
    in->bytes = n * sizeof(float);
    return fill_floats(in, 0, n, 1, err, len);
}

static uint64_t float_bits(float f)
{
    union { float f; uint32_t u; } b = {f};
    return b.u;
}

static uint64_t call_add(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_add_f32_fn, fn)(in->buf[0], in->buf[1], in->buf[2], in->size);
    return in->size ? float_bits(((const float *)in->buf[2])[in->size - 1]) : 0;
}

static uint64_t call_dot(const void *fn, hp_run_input *in)
{
    return float_bits(HP_RUN_FN(hp_dot_f32_fn, fn)(in->buf[0], in->buf[1], in->size));
}

static uint64_t call_max(const void *fn, hp_run_input *in)
{
    return float_bits(HP_RUN_FN(hp_max_f32_fn, fn)(in->buf[0], in->size));
}

const hp_runner hp_runners_simd[] = {
    {"add_f32", 1 << 14, prep_add, call_add},
    {"dot_f32", 1 << 14, prep_two, call_dot},
    {"max_f32", 1 << 14, prep_one, call_max},
};
HP_RUNNERS_COUNT(simd)
