/* clz, count leading zeros, at the x86-64 baseline: the portable loop
 * (the reference), the builtin, bsr with its zero case, and lzcnt (an
 * instruction the baseline lacks: the registry asks for LZCNT). */
#include "bitop.h"

static inline uint64_t clz_portable(uint64_t x)
{
    if (x == 0)
        return 64;
    uint64_t n = 0;
    for (; !(x >> 63); x <<= 1)
        n++;
    return n;
}

/* bsr gives the index of the top bit; clz is 63 minus it. */
static inline uint64_t clz_bsr(uint64_t x)
{
    return x ? 63 - hp_asm_bsr(x) : 64;
}

HP_BITOP_KERNEL(clz, portable, clz_portable)
HP_BITOP_KERNEL(clz, builtin, hp_builtin_clz)
HP_BITOP_KERNEL(clz, bsr, clz_bsr)
HP_BITOP_KERNEL(clz, lzcnt, hp_asm_lzcnt)
