/* Milestone 3: inline assembly.  One small static inline helper per
 * instruction, GCC extended asm with named operands and complete clobbers.
 * The CPU layer (kernels/cpu) detects features with hp_asm_cpuid and
 * hp_asm_xgetbv from here, so the suite uses its own lesson. */
#ifndef HOTPATH_INLINE_ASM_H
#define HOTPATH_INLINE_ASM_H

#include <stdint.h>

/* Not volatile-free: cpuid's answer for a leaf is constant, but the
 * instruction serializes and the benchmarks time it, so it must not be
 * hoisted or merged. */
static inline void hp_asm_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    uint32_t a, b, c, d;
    __asm__ __volatile__("cpuid"
                         : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
                         : "a"(leaf), "c"(subleaf));
    out[0] = a; out[1] = b; out[2] = c; out[3] = d;
}

/* XCR0 and friends.  Only valid when CPUID.1:ECX.OSXSAVE is set; the
 * caller checks that first (xgetbv faults otherwise). */
static inline uint64_t hp_asm_xgetbv(uint32_t index)
{
    uint32_t lo, hi;
    __asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(index));
    return ((uint64_t)hi << 32) | lo;
}

#endif
