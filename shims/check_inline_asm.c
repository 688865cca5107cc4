/* Checks of milestone 3 (kernels/inline_asm).  The bit families are
 * compared value by value with the portable reference, in both the
 * throughput and the latency form.  The instructions that read machine
 * state are checked for what must hold on any run (no flaky checks): the
 * TSC does not go backwards on one CPU, cpuid and xgetbv answer exactly as
 * the compiler's own intrinsic does. */
#include "check.h"
#include "inline_asm.h"
#include "pin.h"
#include "rng.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define SENTINEL 0x5A5A5A5A5A5A5A5Aull
#define N_RANDOM 100000

/* 0, 1, all-ones, the top bit, every single bit, every single hole, every
 * low and high mask, a few patterns; then N_RANDOM seeded random values. */
static uint64_t *bit_inputs(size_t *count)
{
    const size_t n_edge = 8 + 4 * 64;
    uint64_t *x = malloc((n_edge + N_RANDOM) * sizeof *x);
    if (!x)
        return NULL;
    size_t k = 0;
    const uint64_t fixed[] = {0, 1, ~0ull, 1ull << 63, 0x0123456789ABCDEFull,
                              0x8000000000000001ull, 0x5555555555555555ull,
                              0xAAAAAAAAAAAAAAAAull};
    for (size_t i = 0; i < 8; i++)
        x[k++] = fixed[i];
    for (int b = 0; b < 64; b++) {
        const uint64_t bit = 1ull << b;
        x[k++] = bit;
        x[k++] = ~bit;
        x[k++] = bit - 1;  /* low mask, 0 for b = 0 */
        x[k++] = ~(bit - 1); /* high mask, all-ones for b = 0 */
    }
    hp_rng rng = {3};
    for (size_t i = 0; i < N_RANDOM; i++)
        x[k++] = hp_rng_next(&rng);
    *count = k;
    return x;
}

/* The operand the kernel saw at position i (see hp_bitop_fn). */
static uint64_t operand(const uint64_t *in, const uint64_t *want, size_t i, int chained)
{
    return chained && i ? in[i] ^ want[i - 1] : in[i];
}

static const char *form_name(int chained)
{
    return chained ? "latency form" : "throughput form";
}

static int compare_bitop(const hp_variant *v, const uint64_t *in, const uint64_t *got,
                         const uint64_t *want, size_t n, int chained, char *msg, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            return hp_check_fail(msg, len, v, "%s, n %zu, position %zu (operand 0x%016" PRIx64
                                "): got %" PRIu64 ", want %" PRIu64, form_name(chained), n, i,
                                operand(in, want, i, chained), got[i], want[i]);
    return 0;
}

int hp_check_bitop(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_bitop_fn f = (hp_bitop_fn)v->fn, r = (hp_bitop_fn)ref->fn;
    size_t n = 0;
    uint64_t *in = bit_inputs(&n);
    uint64_t *got = malloc((n + 1) * sizeof *got), *want = malloc(n * sizeof *want);
    int fail = !in || !got || !want;
    if (fail)
        hp_check_fail(msg, len, v, "out of memory");
    f(NULL, NULL, 0, 0); /* n = 0 touches nothing */
    f(NULL, NULL, 0, 1);
    for (int chained = 0; chained <= 1 && !fail; chained++) {
        got[n] = SENTINEL;
        f(in, got, n, chained);
        r(in, want, n, chained);
        fail = compare_bitop(v, in, got, want, n, chained, msg, len);
        if (!fail && got[n] != SENTINEL)
            fail = hp_check_fail(msg, len, v, "%s wrote past out[%zu]", form_name(chained), n);
    }
    /* Every length 0..257 in exact-size heap buffers (ASan sees an
     * over-read), from the random part of the inputs: a vectorized
     * builtin has a tail to get right. */
    for (size_t m = 0; m <= 257 && !fail; m++) {
        uint64_t *a = malloc(m ? m * sizeof *a : 1), *o = malloc((m + 1) * sizeof *o);
        if (!a || !o) {
            fail = hp_check_fail(msg, len, v, "out of memory");
        } else {
            memcpy(a, in + n - N_RANDOM + m, m * sizeof *a);
            for (int chained = 0; chained <= 1 && !fail; chained++) {
                o[m] = SENTINEL;
                f(a, o, m, chained);
                r(a, want, m, chained);
                fail = compare_bitop(v, a, o, want, m, chained, msg, len);
                if (!fail && o[m] != SENTINEL)
                    fail = hp_check_fail(msg, len, v, "%s, n %zu: wrote past the end",
                                        form_name(chained), m);
            }
        }
        free(a);
        free(o);
    }
    free(in);
    free(got);
    free(want);
    return fail;
}

#define N_READS 1000

/* The variant's reads t[0..N_READS) never go backwards and sit between
 * the reference's reads before and after them. */
static int tsc_in_order(const hp_variant *v, const uint64_t *t, uint64_t before, uint64_t after,
                        char *msg, size_t len)
{
    if (t[0] < before)
        return hp_check_fail(msg, len, v, "read 0 (%" PRIu64 ") is before the reference's "
                            "earlier read (%" PRIu64 ")", t[0], before);
    for (size_t i = 1; i < N_READS; i++)
        if (t[i] < t[i - 1])
            return hp_check_fail(msg, len, v, "read %zu went backwards: %" PRIu64 " after %"
                                PRIu64, i, t[i], t[i - 1]);
    if (after < t[N_READS - 1] || after == before)
        return hp_check_fail(msg, len, v, "the reference's later read %" PRIu64 " is not after "
                            "read %d (%" PRIu64 ")", after, N_READS - 1, t[N_READS - 1]);
    return 0;
}

/* Reads of one CPU's TSC, bracketed by the reference's reads, never go
 * backwards and the counter advances; the helper writes exactly n. */
int hp_check_rdtsc(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_rdtsc_fn f = (hp_rdtsc_fn)v->fn, r = (hp_rdtsc_fn)ref->fn;
    uint64_t t[N_READS + 1], before, after;
    cpu_set_t saved;
    const int pinned = hp_pin_here(&saved);
    t[N_READS] = SENTINEL;
    f(NULL, 0);
    r(&before, 1);
    f(t, N_READS);
    r(&after, 1);
    if (pinned)
        hp_unpin(&saved);
    if (t[N_READS] != SENTINEL)
        return hp_check_fail(msg, len, v, "wrote past out[%d]", N_READS);
    return tsc_in_order(v, t, before, after, msg, len);
}

/* As rdtsc, and TSC_AUX (the CPU number on Linux) is the reference's on
 * the CPU the thread is pinned to (compared only when pinning worked). */
int hp_check_rdtscp(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_rdtscp_fn f = (hp_rdtscp_fn)v->fn, r = (hp_rdtscp_fn)ref->fn;
    uint64_t t[N_READS + 1], before, after;
    uint32_t aux[N_READS + 1], aux_before, aux_after;
    cpu_set_t saved;
    const int pinned = hp_pin_here(&saved);
    t[N_READS] = SENTINEL;
    aux[N_READS] = 0x5A5A5A5Au;
    f(NULL, NULL, 0);
    r(&before, &aux_before, 1);
    f(t, aux, N_READS);
    r(&after, &aux_after, 1);
    if (pinned)
        hp_unpin(&saved);
    if (t[N_READS] != SENTINEL || aux[N_READS] != 0x5A5A5A5Au)
        return hp_check_fail(msg, len, v, "wrote past out[%d] or aux[%d]", N_READS, N_READS);
    if (tsc_in_order(v, t, before, after, msg, len))
        return 1;
    for (size_t i = 0; pinned && i < N_READS; i++)
        if (aux[i] != aux_before)
            return hp_check_fail(msg, len, v, "read %zu: TSC_AUX 0x%" PRIx32 ", the reference "
                                "says 0x%" PRIx32 " on the same CPU", i, aux[i], aux_before);
    return 0;
}

/* Leaves whose answer is the same on every run and every CPU of the
 * machine, except leaf 1's initial APIC ID (EBX bits 31..24), masked. */
int hp_check_cpuid(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_cpuid_fn f = (hp_cpuid_fn)v->fn, r = (hp_cpuid_fn)ref->fn;
    uint32_t max[4], ext[4], got[4], want[4];
    r(0, 0, max, 1);
    r(0x80000000u, 0, ext, 1);
    const uint32_t leaves[][2] = {{0, 0}, {1, 0}, {7, 0}, {0x80000000u, 0},
                                  {0x80000001u, 0}, {0x80000002u, 0}, {0x80000003u, 0},
                                  {0x80000004u, 0}};
    for (size_t i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
        const uint32_t leaf = leaves[i][0], sub = leaves[i][1];
        if (leaf < 0x80000000u ? leaf > max[0] : leaf > ext[0])
            continue;
        f(leaf, sub, got, 3);
        r(leaf, sub, want, 1);
        if (leaf == 1) {
            got[1] &= 0x00FFFFFFu;
            want[1] &= 0x00FFFFFFu;
        }
        for (int k = 0; k < 4; k++)
            if (got[k] != want[k])
                return hp_check_fail(msg, len, v, "leaf 0x%" PRIx32 ".%" PRIu32 ", register %c: "
                                    "got 0x%08" PRIx32 ", want 0x%08" PRIx32, leaf, sub,
                                    "abcd"[k], got[k], want[k]);
    }
    uint32_t untouched[4] = {1, 2, 3, 4};
    f(0, 0, untouched, 0);
    if (untouched[0] != 1 || untouched[1] != 2 || untouched[2] != 3 || untouched[3] != 4)
        return hp_check_fail(msg, len, v, "n = 0 wrote its output");
    return 0;
}

/* XCR0 as the intrinsic reads it; x87 and SSE state (bits 0, 1) are
 * always enabled on x86-64 Linux. */
int hp_check_xgetbv(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_xgetbv_fn f = (hp_xgetbv_fn)v->fn, r = (hp_xgetbv_fn)ref->fn;
    uint64_t got[17], want;
    got[16] = SENTINEL;
    f(0, NULL, 0);
    f(0, got, 16);
    r(0, &want, 1);
    if (got[16] != SENTINEL)
        return hp_check_fail(msg, len, v, "wrote past out[16]");
    for (size_t i = 0; i < 16; i++)
        if (got[i] != want)
            return hp_check_fail(msg, len, v, "read %zu: XCR0 0x%" PRIx64 ", want 0x%" PRIx64, i,
                                got[i], want);
    if ((want & 3) != 3)
        return hp_check_fail(msg, len, v, "XCR0 0x%" PRIx64 " lacks x87 or SSE state", want);
    return 0;
}

/* A fence's observable job here: every store before it landed, none past
 * the end. */
int hp_check_fence(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_fence_fn f = (hp_fence_fn)v->fn, r = (hp_fence_fn)ref->fn;
    uint64_t got[N_READS + 1], want[N_READS];
    got[N_READS] = SENTINEL;
    f(NULL, 0);
    f(got, N_READS);
    r(want, N_READS);
    for (size_t i = 0; i < N_READS; i++)
        if (got[i] != want[i])
            return hp_check_fail(msg, len, v, "store %zu: got %" PRIu64 ", want %" PRIu64, i,
                                got[i], want[i]);
    if (got[N_READS] != SENTINEL)
        return hp_check_fail(msg, len, v, "wrote past out[%d]", N_READS);
    return 0;
}

/* pause has no result: the check is that it executes (no illegal
 * instruction) and returns, for n = 0, 1 and N_READS. */
int hp_check_pause(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    (void)ref, (void)msg, (void)len;
    hp_pause_fn f = (hp_pause_fn)v->fn;
    f(0);
    f(1);
    f(N_READS);
    return 0;
}
