/* Harnesses of milestone 7 (kernels/cpu_effects).
 *   branch_sum: bytes in [0,256) against threshold 127, half of them
 *     counted; mode random (half the branches mispredict) or sorted.
 *   pointer_chase: size = working set in bytes, one slot per cache line
 *     linked into a single random cycle; arg = steps per call, one full
 *     cycle (a caller may set another count after prepare).
 *   gather_sum: n int32 summed through n indices, mode seq (identity) or
 *     random (shuffled).
 *   ilp_imul / ilp_fma: size = operations per call over 8 chains, 4096
 *     steps each at the benchmarks' size: long enough that the chain, not
 *     the loop entry, dominates. */
#include "cpu_effects.h"
#include "harness_impl.h"
#include "perm.h"

#include <stdio.h>
#include <stdlib.h>

enum { LINE = 64, STRIDE = LINE / sizeof(uint32_t), THRESHOLD = 127 };

static const char *const branch_modes[] = {"random", "sorted"};

static int cmp_i32(const void *a, const void *b)
{
    const int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

static int prep_branch_sum(hp_input *in, uint64_t n, size_t mode, char *err, size_t len)
{
    int32_t *a = hp_input_alloc(in, 0, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {21};
    for (uint64_t i = 0; i < n; i++)
        a[i] = (int32_t)(hp_rng_next(&r) & 255);
    if (mode == 1)
        qsort(a, n, sizeof *a, cmp_i32);
    in->size = n;
    in->bytes = n * sizeof *a;
    in->arg = THRESHOLD;
    return 0;
}

static int prep_branch_sum_random(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_branch_sum(in, n, 0, err, len);
}

static uint64_t run_branch_sum(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_branch_sum_fn f = HP_FN(hp_branch_sum_fn, fn);
    const int32_t *a = in->buf[0];
    const size_t n = in->size;
    const int32_t threshold = (int32_t)in->arg;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const int64_t s = f(a, n, threshold);
        HP_KEEP(s);
        sink += (uint64_t)s;
    }
    return sink;
}

static int prep_pointer_chase(hp_input *in, uint64_t bytes, char *err, size_t len)
{
    if (bytes < LINE || bytes % LINE || bytes / sizeof(uint32_t) > UINT32_MAX) {
        snprintf(err, len, "pointer_chase: size %llu must be a multiple of %d bytes (one slot "
                 "per cache line), at least %d and below 16 GiB", (unsigned long long)bytes,
                 LINE, LINE);
        return -1;
    }
    const size_t n = bytes / sizeof(uint32_t), k = n / STRIDE;
    uint32_t *next = hp_input_alloc(in, 0, bytes, err, len);
    uint32_t *cyc = next ? malloc(k * sizeof *cyc) : NULL;
    if (!cyc) {
        snprintf(err, len, "pointer_chase: out of memory for %llu bytes",
                 (unsigned long long)bytes);
        return -1;
    }
    hp_rng r = {22};
    hp_perm_cycle(cyc, k, &r);
    hp_perm_spread(cyc, k, next, STRIDE);
    free(cyc);
    in->size = bytes;
    in->bytes = bytes; /* the working set: every line once per cycle */
    in->arg = k;
    return 0;
}

static uint64_t run_pointer_chase(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_pointer_chase_fn f = HP_FN(hp_pointer_chase_fn, fn);
    const uint32_t *next = in->buf[0];
    const size_t n = in->size / sizeof(uint32_t), steps = in->arg;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const uint32_t end = f(next, n, steps);
        HP_KEEP(end);
        sink += end;
    }
    return sink;
}

static const char *const gather_modes[] = {"seq", "random"};

static int prep_gather_sum(hp_input *in, uint64_t n, size_t mode, char *err, size_t len)
{
    if (n > UINT32_MAX) {
        snprintf(err, len, "gather_sum: size %llu exceeds 32-bit indices",
                 (unsigned long long)n);
        return -1;
    }
    int32_t *a = hp_input_alloc(in, 0, n * sizeof *a, err, len);
    uint32_t *idx = a ? hp_input_alloc(in, 1, n * sizeof *idx, err, len) : NULL;
    if (!idx)
        return -1;
    hp_rng r = {23};
    hp_rng_fill(&r, a, n * sizeof *a);
    hp_perm_indices(idx, n, mode == 1, &r);
    in->size = n;
    in->bytes = n * (sizeof *a + sizeof *idx);
    return 0;
}

static int prep_gather_sum_random(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_gather_sum(in, n, 1, err, len);
}

static uint64_t run_gather_sum(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_gather_sum_fn f = HP_FN(hp_gather_sum_fn, fn);
    const int32_t *a = in->buf[0];
    const uint32_t *idx = in->buf[1];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const int64_t s = f(a, n, idx, n);
        HP_KEEP(s);
        sink += (uint64_t)s;
    }
    return sink;
}

/* x[j] = j + 1 in the chains' type. */
static int prep_ilp(hp_input *in, uint64_t ops, int is_float, char *err, size_t len)
{
    if (ops % HP_ILP_CHAINS) {
        snprintf(err, len, "size %llu is not a multiple of %d (operations over %d chains)",
                 (unsigned long long)ops, HP_ILP_CHAINS, HP_ILP_CHAINS);
        return -1;
    }
    void *x = hp_input_alloc(in, 0, HP_ILP_CHAINS * sizeof(uint64_t), err, len);
    if (!x)
        return -1;
    for (int j = 0; j < HP_ILP_CHAINS; j++) {
        if (is_float)
            ((float *)x)[j] = (float)(j + 1);
        else
            ((uint64_t *)x)[j] = (uint64_t)(j + 1);
    }
    in->size = ops;
    in->bytes = 0;
    in->arg = ops / HP_ILP_CHAINS;
    return 0;
}

static int prep_ilp_imul(hp_input *in, uint64_t ops, char *err, size_t len)
{
    return prep_ilp(in, ops, 0, err, len);
}

static int prep_ilp_fma(hp_input *in, uint64_t ops, char *err, size_t len)
{
    return prep_ilp(in, ops, 1, err, len);
}

/* Odd multiplier: the integer chains never collapse to zero.  |m| < 1:
 * the float chains settle at c / (1 - m) = 1, no overflow or denormals. */
static uint64_t run_ilp_imul(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_ilp_imul_fn f = HP_FN(hp_ilp_imul_fn, fn);
    uint64_t *x = in->buf[0];
    for (uint64_t i = 0; i < iters; i++) {
        f(x, 0x9E3779B97F4A7C15ull, 12345, in->arg);
        HP_CLOBBER();
    }
    return x[0] ^ x[HP_ILP_CHAINS - 1];
}

static uint64_t run_ilp_fma(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_ilp_fma_fn f = HP_FN(hp_ilp_fma_fn, fn);
    float *x = in->buf[0];
    for (uint64_t i = 0; i < iters; i++) {
        f(x, 0.75f, 0.25f, in->arg);
        HP_CLOBBER();
    }
    return (uint64_t)(x[0] + x[HP_ILP_CHAINS - 1]);
}

static const uint64_t branch_sizes[] = {4096, 65536, 1 << 20};
static const uint64_t branch_quick[] = {4096, 1 << 20};
/* 4 KiB .. 256 MiB: each power of two and the point half way up (x1.5),
 * so every cache level's edge falls between two samples. */
#define TWO(k) (1ull << (k)), (3ull << ((k) - 1))
static const uint64_t chase_sizes[] = {
    TWO(12), TWO(13), TWO(14), TWO(15), TWO(16), TWO(17), TWO(18), TWO(19),
    TWO(20), TWO(21), TWO(22), TWO(23), TWO(24), TWO(25), TWO(26), TWO(27), 1ull << 28};
static const uint64_t chase_quick[] = {1 << 12, 1u << 28};
static const uint64_t gather_sizes[] = {1024, 4096, 16384, 65536, 262144, 1 << 20, 1 << 22,
                                        1 << 24};
static const uint64_t gather_quick[] = {1024, 1 << 24};
static const uint64_t ilp_sizes[] = {HP_ILP_CHAINS * 4096};

const hp_harness hp_harness_cpu_effects[] = {
    {"branch_sum", HP_ARRAY(branch_sizes), HP_ARRAY(branch_quick), 1 << 16,
     prep_branch_sum_random, run_branch_sum, hp_check_branch_sum, HP_ARRAY(branch_modes), 0,
     prep_branch_sum, NULL, sizeof(int32_t)},
    {"pointer_chase", HP_ARRAY(chase_sizes), HP_ARRAY(chase_quick), 1 << 20, prep_pointer_chase,
     run_pointer_chase, hp_check_pointer_chase, NULL, 0, 0, NULL, NULL, sizeof(uint32_t)},
    {"gather_sum", HP_ARRAY(gather_sizes), HP_ARRAY(gather_quick), 1 << 16,
     prep_gather_sum_random, run_gather_sum, hp_check_gather_sum, HP_ARRAY(gather_modes), 1,
     prep_gather_sum, NULL, sizeof(int32_t)},
    {"ilp_imul", HP_ARRAY(ilp_sizes), HP_ARRAY(ilp_sizes), HP_ILP_CHAINS * 4096, prep_ilp_imul,
     run_ilp_imul, hp_check_ilp_imul, NULL, 0, 0, NULL, NULL, sizeof(uint64_t)},
    {"ilp_fma", HP_ARRAY(ilp_sizes), HP_ARRAY(ilp_sizes), HP_ILP_CHAINS * 4096, prep_ilp_fma,
     run_ilp_fma, hp_check_ilp_fma, NULL, 0, 0, NULL, NULL, sizeof(uint64_t)},
};
HP_HARNESS_COUNT(cpu_effects)
