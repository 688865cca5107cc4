/* bswap, reverse the bytes of a 64-bit value: the portable byte loop (the
 * reference), the builtin and the instruction, all x86-64 baseline. */
#include "bitop.h"

static inline uint64_t bswap_portable(uint64_t x)
{
    uint64_t r = 0;
    for (int i = 0; i < 8; i++, x >>= 8)
        r = (r << 8) | (x & 0xFF);
    return r;
}

HP_BITOP_KERNEL(bswap, portable, bswap_portable)
HP_BITOP_KERNEL(bswap, builtin, hp_builtin_bswap)
HP_BITOP_KERNEL(bswap, asm, hp_asm_bswap)
