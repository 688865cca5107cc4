/* Harnesses of milestone 3 (kernels/inline_asm): `size` operations per
 * call in the family's batch signature (inline_asm.h), so the indirect
 * call is amortized over them.  The bit families run as a dependent chain
 * (mode latency) or as independent operations (mode throughput) on random
 * words; the others have no data input to chain through, so only the
 * back-to-back form exists (for the serializing ones it is their latency).
 *
 * Sizes: 1024 values in + 1024 out = 16 KiB, which every x86 L1d holds, so
 * a bit operation is not measured against a cache miss; cpuid traps to the
 * hypervisor in a VM and pause may trip its pause-loop exit, so 256 of
 * those keep one call short. */
#include "harness_impl.h"
#include "inline_asm.h"

static const char *const bitop_modes[] = {"latency", "throughput"};
static const char *const plain_modes[] = {"throughput"};
static const uint64_t reads[] = {1024};
static const uint64_t slow[] = {256};

static int prep_bitop(hp_input *in, uint64_t n, size_t mode, char *err, size_t len)
{
    uint64_t *a = hp_input_alloc(in, 0, n * sizeof *a, err, len);
    if (!a || !hp_input_alloc(in, 1, n * sizeof *a, err, len))
        return -1;
    hp_rng r = {5};
    hp_rng_fill(&r, a, n * sizeof *a);
    in->size = n;
    in->bytes = 2 * n * sizeof *a;
    in->arg = mode == 0; /* chained */
    return 0;
}

static int prep_bitop_default(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_bitop(in, n, 1, err, len);
}

static uint64_t last_u64(const hp_input *in, int slot)
{
    return in->size ? ((const uint64_t *)in->buf[slot])[in->size - 1] : 0;
}

static uint64_t run_bitop(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_bitop_fn f = HP_FN(hp_bitop_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(in->buf[0], in->buf[1], in->size, (int)in->arg);
        HP_CLOBBER();
    }
    return last_u64(in, 1);
}

/* rdtsc, xgetbv and the fences write one uint64 per operation; rdtscp
 * also an aux word; cpuid writes its four words, pause nothing. */
static int prep_out(hp_input *in, uint64_t n, size_t per_op, size_t aux, char *err, size_t len)
{
    if (!hp_input_alloc(in, 0, n * per_op, err, len) ||
        !hp_input_alloc(in, 1, aux ? n * aux : 4 * sizeof(uint32_t), err, len))
        return -1;
    in->size = n;
    in->bytes = n * (per_op + aux);
    return 0;
}

static int prep_u64(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_out(in, n, sizeof(uint64_t), 0, err, len);
}

static int prep_tscp(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_out(in, n, sizeof(uint64_t), sizeof(uint32_t), err, len);
}

static int prep_none(hp_input *in, uint64_t n, char *err, size_t len)
{
    return prep_out(in, n, 0, 0, err, len);
}

static uint64_t run_rdtsc(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_rdtsc_fn f = HP_FN(hp_rdtsc_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(in->buf[0], in->size);
        HP_CLOBBER();
    }
    return last_u64(in, 0);
}

static uint64_t run_rdtscp(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_rdtscp_fn f = HP_FN(hp_rdtscp_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(in->buf[0], in->buf[1], in->size);
        HP_CLOBBER();
    }
    return last_u64(in, 0);
}

static uint64_t run_cpuid(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_cpuid_fn f = HP_FN(hp_cpuid_fn, fn);
    uint32_t *out = in->buf[1];
    for (uint64_t i = 0; i < iters; i++) {
        f(0, 0, out, in->size);
        HP_CLOBBER();
    }
    return out[0];
}

static uint64_t run_xgetbv(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_xgetbv_fn f = HP_FN(hp_xgetbv_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(0, in->buf[0], in->size);
        HP_CLOBBER();
    }
    return last_u64(in, 0);
}

static uint64_t run_fence(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_fence_fn f = HP_FN(hp_fence_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(in->buf[0], in->size);
        HP_CLOBBER();
    }
    return last_u64(in, 0);
}

static uint64_t run_pause(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_pause_fn f = HP_FN(hp_pause_fn, fn);
    for (uint64_t i = 0; i < iters; i++) {
        f(in->size);
        HP_CLOBBER();
    }
    return in->size;
}

#define BITOP(f)                                                                         \
    {f, HP_ARRAY(reads), HP_ARRAY(reads), 1 << 12, prep_bitop_default, run_bitop,        \
     hp_check_bitop, HP_ARRAY(bitop_modes), 1, prep_bitop, NULL, sizeof(uint64_t)}
/* Every buffer holds uint64_t or uint32_t words: 8-byte offsets. */
#define PLAIN(f, sizes, dflt, prep, run, check)                                             \
    {f, HP_ARRAY(sizes), HP_ARRAY(sizes), dflt, prep, run, check, HP_ARRAY(plain_modes), 0, \
     NULL, NULL, sizeof(uint64_t)}

const hp_harness hp_harness_inline_asm[] = {
    PLAIN("rdtsc", reads, 1 << 12, prep_u64, run_rdtsc, hp_check_rdtsc),
    PLAIN("rdtscp", reads, 1 << 12, prep_tscp, run_rdtscp, hp_check_rdtscp),
    PLAIN("cpuid", slow, 1 << 8, prep_none, run_cpuid, hp_check_cpuid),
    PLAIN("xgetbv", reads, 1 << 12, prep_u64, run_xgetbv, hp_check_xgetbv),
    BITOP("ctz"),
    BITOP("clz"),
    BITOP("popcnt"),
    BITOP("bswap"),
    PLAIN("mfence", reads, 1 << 12, prep_u64, run_fence, hp_check_fence),
    PLAIN("lfence", reads, 1 << 12, prep_u64, run_fence, hp_check_fence),
    PLAIN("sfence", reads, 1 << 12, prep_u64, run_fence, hp_check_fence),
    PLAIN("pause", slow, 1 << 12, prep_none, run_pause, hp_check_pause),
};
HP_HARNESS_COUNT(inline_asm)
