/* Milestone 3: inline assembly.  One small static inline helper per
 * instruction, GCC extended asm with named operands and complete clobbers.
 * The CPU layer (kernels/cpu) detects features with hp_asm_cpuid and
 * hp_asm_xgetbv from here, so the suite uses its own lesson.
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
#ifndef HOTPATH_INLINE_ASM_H
#define HOTPATH_INLINE_ASM_H

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

/* ---- registry families (kernels/inline_asm) ----
 *
 * The bit families ctz, clz, popcnt and bswap share one batch signature so
 * that a benchmark times the instruction, not an indirect call per value:
 *
 *   chained == 0 (throughput): out[i] = op(in[i]); the operations are
 *     independent and the CPU overlaps them;
 *   chained != 0 (latency):    out[i] = op(in[i] ^ out[i-1]), with
 *     out[-1] = 0; each operation waits for the previous result, so the
 *     loop runs at the latency of op plus one xor (plus the zero handling
 *     of the bsf/bsr variants).
 * ctz(0) = clz(0) = 64.  in and out hold n values (uint64_t arrays,
 * 8-byte aligned as the type requires); n = 0 touches neither. */
typedef void (*hp_bitop_fn)(const uint64_t *in, uint64_t *out, size_t n, int chained);

/* out[i] = the TSC at the i-th of n back-to-back reads. */
typedef void (*hp_rdtsc_fn)(uint64_t *out, size_t n);
/* Likewise, with aux[i] = IA32_TSC_AUX at that read. */
typedef void (*hp_rdtscp_fn)(uint64_t *out, uint32_t *aux, size_t n);
/* Executes cpuid(leaf, subleaf) n times; out holds the last answer
 * (eax, ebx, ecx, edx); n = 0 leaves it untouched. */
typedef void (*hp_cpuid_fn)(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
/* out[i] = XCR[index], read n times.  Needs HP_FEAT_OSXSAVE; index 0
 * (XCR0) always exists. */
typedef void (*hp_xgetbv_fn)(uint32_t index, uint64_t *out, size_t n);
/* mfence, lfence, sfence: out[i] = i, each store followed by the fence,
 * so the fence has a store in flight to wait for. */
typedef void (*hp_fence_fn)(uint64_t *out, size_t n);
/* n pause instructions back to back. */
typedef void (*hp_pause_fn)(size_t n);

#define HP_BITOP_DECLARE(fam, v) \
    void hp_##fam##_##v(const uint64_t *in, uint64_t *out, size_t n, int chained);

/* Reference (portable C), builtin twins, and the instructions themselves.
 * Suffixed names are built with that file's ISA flag (CMakeLists.txt). */
HP_BITOP_DECLARE(ctz, portable)
HP_BITOP_DECLARE(ctz, builtin)
HP_BITOP_DECLARE(ctz, builtin_bmi)
HP_BITOP_DECLARE(ctz, bsf)
HP_BITOP_DECLARE(ctz, tzcnt)
HP_BITOP_DECLARE(clz, portable)
HP_BITOP_DECLARE(clz, builtin)
HP_BITOP_DECLARE(clz, builtin_lzcnt)
HP_BITOP_DECLARE(clz, bsr)
HP_BITOP_DECLARE(clz, lzcnt)
HP_BITOP_DECLARE(popcnt, portable)
HP_BITOP_DECLARE(popcnt, swar)
HP_BITOP_DECLARE(popcnt, builtin)
HP_BITOP_DECLARE(popcnt, builtin_popcnt)
HP_BITOP_DECLARE(popcnt, asm)
HP_BITOP_DECLARE(bswap, portable)
HP_BITOP_DECLARE(bswap, builtin)
HP_BITOP_DECLARE(bswap, asm)

void hp_rdtsc_builtin(uint64_t *out, size_t n);
void hp_rdtsc_asm(uint64_t *out, size_t n);
void hp_rdtscp_builtin(uint64_t *out, uint32_t *aux, size_t n);
void hp_rdtscp_asm(uint64_t *out, uint32_t *aux, size_t n);
void hp_cpuid_builtin(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
void hp_cpuid_asm(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
void hp_xgetbv_builtin(uint32_t index, uint64_t *out, size_t n);
void hp_xgetbv_asm(uint32_t index, uint64_t *out, size_t n);
void hp_mfence_builtin(uint64_t *out, size_t n);
void hp_mfence_asm(uint64_t *out, size_t n);
void hp_lfence_builtin(uint64_t *out, size_t n);
void hp_lfence_asm(uint64_t *out, size_t n);
void hp_sfence_builtin(uint64_t *out, size_t n);
void hp_sfence_asm(uint64_t *out, size_t n);
void hp_pause_builtin(size_t n);
void hp_pause_asm(size_t n);

#ifdef __cplusplus
}
#endif
#endif
