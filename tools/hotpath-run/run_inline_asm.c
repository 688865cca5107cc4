/* Runners of milestone 3 (kernels/inline_asm): `size` operations per call
 * in the family's batch signature (shims/inline_asm.h); the bit families
 * run independent operations (throughput, chained = 0) on random words. */
#include "runners.h"

#include "inline_asm.h"
#include "rng.h"

static int prep_bitop(hp_run_input *in, size_t n, char *err, size_t len)
{
    uint64_t *a = hp_run_alloc(in, 0, n * sizeof *a, err, len);
    if (!a || !hp_run_alloc(in, 1, n * sizeof *a, err, len))
        return -1;
    hp_rng r = {31};
    hp_rng_fill(&r, a, n * sizeof *a);
    in->size = n;
    in->bytes = 2 * n * sizeof *a;
    return 0;
}

static uint64_t call_bitop(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_bitop_fn, fn)(in->buf[0], in->buf[1], in->size, 0);
    return in->size ? ((const uint64_t *)in->buf[1])[in->size - 1] : 0;
}

/* rdtsc, xgetbv and the fences write one uint64 per operation; rdtscp
 * also an aux word; cpuid and pause write nothing per operation. */
static int prep_out(hp_run_input *in, size_t n, size_t per_op, size_t aux, char *err, size_t len)
{
    if (!hp_run_alloc(in, 0, n * per_op, err, len) || !hp_run_alloc(in, 1, n * aux, err, len))
        return -1;
    in->size = n;
    in->bytes = n * (per_op + aux);
    return 0;
}

static int prep_u64(hp_run_input *in, size_t n, char *err, size_t len)
{
    return prep_out(in, n, sizeof(uint64_t), 0, err, len);
}

static int prep_tscp(hp_run_input *in, size_t n, char *err, size_t len)
{
    return prep_out(in, n, sizeof(uint64_t), sizeof(uint32_t), err, len);
}

static int prep_none(hp_run_input *in, size_t n, char *err, size_t len)
{
    return prep_out(in, n, 0, 4 * sizeof(uint32_t), err, len) ? -1 : (in->bytes = 0, 0);
}

static uint64_t last_u64(const hp_run_input *in)
{
    return in->size ? ((const uint64_t *)in->buf[0])[in->size - 1] : 0;
}

static uint64_t call_rdtsc(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_rdtsc_fn, fn)(in->buf[0], in->size);
    return last_u64(in);
}

static uint64_t call_rdtscp(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_rdtscp_fn, fn)(in->buf[0], in->buf[1], in->size);
    return last_u64(in);
}

static uint64_t call_cpuid(const void *fn, hp_run_input *in)
{
    uint32_t *out = in->buf[1];
    HP_RUN_FN(hp_cpuid_fn, fn)(0, 0, out, in->size);
    return out[0];
}

static uint64_t call_xgetbv(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_xgetbv_fn, fn)(0, in->buf[0], in->size);
    return last_u64(in);
}

static uint64_t call_fence(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_fence_fn, fn)(in->buf[0], in->size);
    return last_u64(in);
}

static uint64_t call_pause(const void *fn, hp_run_input *in)
{
    HP_RUN_FN(hp_pause_fn, fn)(in->size);
    return in->size;
}

const hp_runner hp_runners_inline_asm[] = {
    {"rdtsc", 1 << 12, prep_u64, call_rdtsc},
    {"rdtscp", 1 << 12, prep_tscp, call_rdtscp},
    {"cpuid", 1 << 8, prep_none, call_cpuid},
    {"xgetbv", 1 << 12, prep_u64, call_xgetbv},
    {"ctz", 1 << 12, prep_bitop, call_bitop},
    {"clz", 1 << 12, prep_bitop, call_bitop},
    {"popcnt", 1 << 12, prep_bitop, call_bitop},
    {"bswap", 1 << 12, prep_bitop, call_bitop},
    {"mfence", 1 << 12, prep_u64, call_fence},
    {"lfence", 1 << 12, prep_u64, call_fence},
    {"sfence", 1 << 12, prep_u64, call_fence},
    {"pause", 1 << 12, prep_none, call_pause},
};
HP_RUNNERS_COUNT(inline_asm)
