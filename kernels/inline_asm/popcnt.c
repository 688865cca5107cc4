/* popcnt, count set bits, at the x86-64 baseline: the portable loop (the
 * reference), the SWAR bit trick, the builtin (a libgcc call without
 * -mpopcnt), and the popcnt instruction (the registry asks for POPCNT). */
#include "bitop.h"

static inline uint64_t popcnt_portable(uint64_t x)
{
    uint64_t n = 0;
    for (int i = 0; i < 64; i++)
        n += (x >> i) & 1;
    return n;
}

/* Bits summed in ever wider fields: 2-bit, 4-bit, 8-bit counts, then one
 * multiply adds the eight byte counts into the top byte. */
static inline uint64_t popcnt_swar(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (x * 0x0101010101010101ull) >> 56;
}

HP_BITOP_KERNEL(popcnt, portable, popcnt_portable)
HP_BITOP_KERNEL(popcnt, swar, popcnt_swar)
HP_BITOP_KERNEL(popcnt, builtin, hp_builtin_popcnt)
HP_BITOP_KERNEL(popcnt, asm, hp_asm_popcnt)
