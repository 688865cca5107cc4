/* Milestone 3's inline-asm helpers: one small static inline function per
 * instruction, GCC extended asm with named operands and complete clobbers.
 * The kernels of kernels/inline_asm wrap them as registry variants (their
 * interface is shims/inline_asm.h); the CPU layer (kernels/cpu) detects
 * features with hp_asm_cpuid and hp_asm_xgetbv from here, so the suite
 * uses its own lesson.
 *
 * Constraints, weakest correct:
 * - a pure computation (bsf, tzcnt, bsr, lzcnt, popcnt, bswap) is plain
 *   `__asm__`: the compiler may hoist, merge or drop it like any expression;
 * - an instruction whose result changes between executions (rdtsc, rdtscp)
 *   or that is timed for its side effect (cpuid, xgetbv, pause) is
 *   `volatile`, so it is neither merged nor dropped;
 * - only the fences also clobber "memory": ordering memory is their job,
 *   so the compiler must not move loads or stores across them either.
 * "cc" is listed wherever the instruction writes flags (GCC assumes it on
 * x86 anyway; stating it keeps the clobber list honest). */
#ifndef HOTPATH_KERNELS_INLINE_ASM_ASM_H
#define HOTPATH_KERNELS_INLINE_ASM_ASM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- timing and identification ---- */

/* The time-stamp counter: reference cycles at a constant rate (the TSC
 * frequency), not core clock cycles.  Not ordered: earlier instructions may
 * still be executing when it reads, later ones may already have started. */
static inline uint64_t hp_asm_rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ __volatile__("rdtsc" : [lo] "=a"(lo), [hi] "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* rdtsc that waits for every earlier instruction to execute (later ones
 * may still start early), and also returns IA32_TSC_AUX, which Linux sets
 * to (node << 12) | cpu.  Needs HP_FEAT_RDTSCP. */
static inline uint64_t hp_asm_rdtscp(uint32_t *aux)
{
    uint32_t lo, hi, c;
    __asm__ __volatile__("rdtscp" : [lo] "=a"(lo), [hi] "=d"(hi), [aux] "=c"(c));
    *aux = c;
    return ((uint64_t)hi << 32) | lo;
}

/* Volatile although cpuid's answer for a leaf is constant: the instruction
 * serializes (and under a hypervisor traps), and the benchmarks time it, so
 * it must not be hoisted or merged. */
static inline void hp_asm_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    uint32_t a, b, c, d;
    __asm__ __volatile__("cpuid"
                         : [a] "=a"(a), [b] "=b"(b), [c] "=c"(c), [d] "=d"(d)
                         : [leaf] "a"(leaf), [subleaf] "c"(subleaf));
    out[0] = a; out[1] = b; out[2] = c; out[3] = d;
}

/* XCR0 and friends.  Only valid when CPUID.1:ECX.OSXSAVE is set
 * (HP_FEAT_OSXSAVE); the caller checks that first (xgetbv faults
 * otherwise). */
static inline uint64_t hp_asm_xgetbv(uint32_t index)
{
    uint32_t lo, hi;
    __asm__ __volatile__("xgetbv" : [lo] "=a"(lo), [hi] "=d"(hi) : [index] "c"(index));
    return ((uint64_t)hi << 32) | lo;
}

/* ---- bit operations (pure) ---- */

/* Index of the lowest set bit.  For x == 0 the destination is undefined
 * (AMD documents it unchanged, Intel does not), so callers handle 0. */
static inline uint64_t hp_asm_bsf(uint64_t x)
{
    uint64_t r;
    __asm__("bsfq %[x], %[r]" : [r] "=r"(r) : [x] "rm"(x) : "cc");
    return r;
}

/* Trailing zeros, 64 for x == 0.  Encoded as `rep bsf`: a CPU without BMI1
 * silently executes it as bsf (0 then gives an undefined result), which is
 * why its variants need HP_FEAT_BMI1. */
static inline uint64_t hp_asm_tzcnt(uint64_t x)
{
    uint64_t r;
    __asm__("tzcntq %[x], %[r]" : [r] "=r"(r) : [x] "rm"(x) : "cc");
    return r;
}

/* Index of the highest set bit (63 - clz).  Undefined for x == 0 like bsf. */
static inline uint64_t hp_asm_bsr(uint64_t x)
{
    uint64_t r;
    __asm__("bsrq %[x], %[r]" : [r] "=r"(r) : [x] "rm"(x) : "cc");
    return r;
}

/* Leading zeros, 64 for x == 0.  Encoded as `rep bsr`: without LZCNT the
 * CPU executes bsr and returns the bit index instead (63 - the answer), so
 * its variants need HP_FEAT_LZCNT. */
static inline uint64_t hp_asm_lzcnt(uint64_t x)
{
    uint64_t r;
    __asm__("lzcntq %[x], %[r]" : [r] "=r"(r) : [x] "rm"(x) : "cc");
    return r;
}

/* Set bits.  Needs HP_FEAT_POPCNT (an illegal instruction otherwise).  On
 * Intel cores from Sandy Bridge to Coffee Lake, popcnt (and lzcnt/tzcnt up
 * to Skylake) falsely waits for its destination's old value; the compiler
 * breaks that with `xor r, r` for its builtins, this one-instruction helper
 * does not (AMD has no such dependency). */
static inline uint64_t hp_asm_popcnt(uint64_t x)
{
    uint64_t r;
    __asm__("popcntq %[x], %[r]" : [r] "=r"(r) : [x] "rm"(x) : "cc");
    return r;
}

/* Byte reversal; leaves the flags alone. */
static inline uint64_t hp_asm_bswap(uint64_t x)
{
    __asm__("bswapq %[x]" : [x] "+r"(x));
    return x;
}

/* ---- ordering and spinning ---- */

/* Every earlier load and store is globally visible before any later one. */
static inline void hp_asm_mfence(void)
{
    __asm__ __volatile__("mfence" ::: "memory");
}

/* No later instruction starts before every earlier one has completed (on
 * AMD when lfence is made dispatch-serializing, as Linux makes it). */
static inline void hp_asm_lfence(void)
{
    __asm__ __volatile__("lfence" ::: "memory");
}

/* Earlier stores are visible before later stores (matters for
 * non-temporal stores; ordinary x86 stores are already ordered). */
static inline void hp_asm_sfence(void)
{
    __asm__ __volatile__("sfence" ::: "memory");
}

/* A spin-wait hint: no memory clobber, a spin loop re-reads its flag
 * through an atomic load, not through this. */
static inline void hp_asm_pause(void)
{
    __asm__ __volatile__("pause");
}

#ifdef __cplusplus
}
#endif
#endif
