/* Harnesses of milestone 4 (kernels/simd): float vectors of `size`
 * elements, values in [-1, 1) so sums stay finite, 16 .. 16Mi elements
 * (L1 to DRAM).  The limit line copies half the bytes a call touches
 * (add 12n, dot 8n, max 4n), so it reads and writes as many. */
#include "harness_impl.h"
#include "simd.h"

static int fill_floats(hp_input *in, int slot, uint64_t n, uint64_t seed, char *err, size_t len)
{
    float *a = hp_input_alloc(in, slot, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {seed};
    for (uint64_t i = 0; i < n; i++)
        a[i] = (float)((int64_t)(hp_rng_next(&r) >> 40) - (1 << 23)) / (float)(1 << 23);
    return 0;
}

static int prep_two(hp_input *in, uint64_t n, char *err, size_t len)
{
    in->size = n;
    in->bytes = 2 * n * sizeof(float);
    return fill_floats(in, 0, n, 1, err, len) || fill_floats(in, 1, n, 2, err, len) ? -1 : 0;
}

static int prep_add(hp_input *in, uint64_t n, char *err, size_t len)
{
    if (prep_two(in, n, err, len) || !hp_input_alloc(in, 2, n * sizeof(float), err, len))
        return -1;
    in->bytes = 3 * n * sizeof(float);
    return 0;
}

static int prep_one(hp_input *in, uint64_t n, char *err, size_t len)
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

static uint64_t run_add(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_add_f32_fn f = HP_FN(hp_add_f32_fn, fn);
    const float *a = in->buf[0], *b = in->buf[1];
    float *out = in->buf[2];
    const size_t n = in->size;
    for (uint64_t i = 0; i < iters; i++) {
        f(a, b, out, n);
        HP_CLOBBER();
    }
    return n ? float_bits(out[n - 1]) : 0;
}

static uint64_t run_dot(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_dot_f32_fn f = HP_FN(hp_dot_f32_fn, fn);
    const float *a = in->buf[0], *b = in->buf[1];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const float s = f(a, b, n);
        HP_KEEP(s);
        sink += float_bits(s);
    }
    return sink;
}

static uint64_t run_max(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_max_f32_fn f = HP_FN(hp_max_f32_fn, fn);
    const float *a = in->buf[0];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const float s = f(a, n);
        HP_KEEP(s);
        sink += float_bits(s);
    }
    return sink;
}

static uint64_t add_limit(uint64_t n) { return 6 * n; }
static uint64_t dot_limit(uint64_t n) { return 4 * n; }
static uint64_t max_limit(uint64_t n) { return 2 * n; }

static const uint64_t sizes[] = {16,       64,       256,      1024,     4096,    16384,
                                 65536,    262144,   1u << 20, 1u << 22, 1u << 24};
static const uint64_t quick[] = {16, 1u << 24};

#define SIMD(f, prep, run, check, limit) \
    {f, HP_ARRAY(sizes), HP_ARRAY(quick), 1 << 14, prep, run, check, NULL, 0, 0, NULL, limit, \
     sizeof(float)}

const hp_harness hp_harness_simd[] = {
    SIMD("add_f32", prep_add, run_add, hp_check_add_f32, add_limit),
    SIMD("dot_f32", prep_two, run_dot, hp_check_dot_f32, dot_limit),
    SIMD("max_f32", prep_one, run_max, hp_check_max_f32, max_limit),
};
HP_HARNESS_COUNT(simd)
