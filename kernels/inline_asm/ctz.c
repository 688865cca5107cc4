/* ctz, count trailing zeros, at the x86-64 baseline: the portable loop
 * (the reference), the builtin, bsf with its zero case, and tzcnt (an
 * instruction the baseline lacks: the registry asks for BMI1). */
#include "bitop.h"

static inline uint64_t ctz_portable(uint64_t x)
{
    if (x == 0)
        return 64;
    uint64_t n = 0;
    for (; !(x & 1); x >>= 1)
        n++;
    return n;
}

static inline uint64_t ctz_bsf(uint64_t x)
{
    return x ? hp_asm_bsf(x) : 64;
}

HP_BITOP_KERNEL(ctz, portable, ctz_portable)
HP_BITOP_KERNEL(ctz, builtin, hp_builtin_ctz)
HP_BITOP_KERNEL(ctz, bsf, ctz_bsf)
HP_BITOP_KERNEL(ctz, tzcnt, hp_asm_tzcnt)
