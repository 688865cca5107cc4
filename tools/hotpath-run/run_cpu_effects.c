/* Runners of milestone 7 (kernels/cpu_effects), with the inputs of the
 * benchmarks: random bytes against threshold 127 (half the branches
 * mispredict), one full single-cycle chase per call (one step per cache
 * line), shuffled gather indices, 8 chains of size/8 steps. */
#include "runners.h"

#include "cpu_effects.h"
#include "perm.h"
#include "rng.h"

#include <stdio.h>
#include <stdlib.h>

static int prep_branch_sum(hp_run_input *in, size_t n, char *err, size_t len)
{
    int32_t *a = hp_run_alloc(in, 0, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {21};
    for (size_t i = 0; i < n; i++)
        a[i] = (int32_t)(hp_rng_next(&r) & 255);
    in->size = n;
    in->bytes = n * sizeof *a;
    in->arg = 127;
    return 0;
}

static uint64_t call_branch_sum(const void *fn, hp_run_input *in)
{
    return (uint64_t)HP_RUN_FN(hp_branch_sum_fn, fn)(in->buf[0], in->size, (int32_t)in->arg);
}

enum { LINE = 64, STRIDE = LINE / sizeof(uint32_t) };

static int prep_pointer_chase(hp_run_input *in, size_t bytes, char *err, size_t len)
{
    if (bytes < LINE || bytes % LINE || bytes / sizeof(uint32_t) > UINT32_MAX) {
        snprintf(err, len, "pointer_chase: size %zu must be a multiple of %d bytes (one slot "
                 "per cache line), at least %d and below 16 GiB", bytes, LINE, LINE);
        return -1;
    }
    const size_t n = bytes / sizeof(uint32_t), k = n / STRIDE;
    uint32_t *next = hp_run_alloc(in, 0, bytes, err, len);
    uint32_t *cyc = malloc(k * sizeof *cyc);
    if (!next || !cyc) {
        free(cyc);
        snprintf(err, len, "pointer_chase: out of memory for %zu bytes", bytes);
        return -1;
    }
    hp_rng r = {22};
    hp_perm_cycle(cyc, k, &r);
    hp_perm_spread(cyc, k, next, STRIDE);
    free(cyc);
    in->size = bytes;
    in->bytes = bytes; /* one line per step, every line once per call */
    in->arg = k;
    return 0;
}

static uint64_t call_pointer_chase(const void *fn, hp_run_input *in)
{
    return HP_RUN_FN(hp_pointer_chase_fn, fn)(in->buf[0], in->size / sizeof(uint32_t), in->arg);
}

static int prep_gather_sum(hp_run_input *in, size_t n, char *err, size_t len)
{
    if (n > UINT32_MAX) {
        snprintf(err, len, "gather_sum: size %zu exceeds 32-bit indices", n);
        return -1;
    }
    int32_t *a = hp_run_alloc(in, 0, n * sizeof *a, err, len);
    uint32_t *idx = a ? hp_run_alloc(in, 1, n * sizeof *idx, err, len) : NULL;
    if (!idx)
        return -1;
    hp_rng r = {23};
    hp_rng_fill(&r, a, n * sizeof *a);
    hp_perm_indices(idx, n, 1, &r);
    in->size = n;
    in->bytes = n * (sizeof *a + sizeof *idx);
    return 0;
}

static uint64_t call_gather_sum(const void *fn, hp_run_input *in)
{
    return (uint64_t)HP_RUN_FN(hp_gather_sum_fn, fn)(in->buf[0], in->size, in->buf[1], in->size);
}

static int prep_ilp(hp_run_input *in, size_t ops, char *err, size_t len)
{
    if (ops % HP_ILP_CHAINS) {
        snprintf(err, len, "size %zu is not a multiple of %d (operations over %d chains)", ops,
                 HP_ILP_CHAINS, HP_ILP_CHAINS);
        return -1;
    }
    if (!hp_run_alloc(in, 0, HP_ILP_CHAINS * sizeof(uint64_t), err, len))
        return -1;
    in->size = ops;
    in->bytes = 0;
    in->arg = ops / HP_ILP_CHAINS;
    return 0;
}

static uint64_t call_ilp_imul(const void *fn, hp_run_input *in)
{
    uint64_t *x = in->buf[0];
    HP_RUN_FN(hp_ilp_imul_fn, fn)(x, 0x9E3779B97F4A7C15ull, 12345, in->arg);
    return x[0] ^ x[HP_ILP_CHAINS - 1];
}

static uint64_t call_ilp_fma(const void *fn, hp_run_input *in)
{
    float *x = in->buf[0];
    HP_RUN_FN(hp_ilp_fma_fn, fn)(x, 0.75f, 0.25f, in->arg);
    return (uint64_t)(x[0] + x[HP_ILP_CHAINS - 1]);
}

const hp_runner hp_runners_cpu_effects[] = {
    {"branch_sum", 1 << 16, prep_branch_sum, call_branch_sum},
    {"pointer_chase", 1 << 20, prep_pointer_chase, call_pointer_chase},
    {"gather_sum", 1 << 16, prep_gather_sum, call_gather_sum},
    {"ilp_imul", HP_ILP_CHAINS * 4096, prep_ilp, call_ilp_imul},
    {"ilp_fma", HP_ILP_CHAINS * 4096, prep_ilp, call_ilp_fma},
};
HP_RUNNERS_COUNT(cpu_effects)
