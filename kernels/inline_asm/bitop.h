/* What the bit families (ctz, clz, popcnt, bswap) share: the batch loop in
 * its two forms (see hp_bitop_fn in shims/inline_asm.h) and the builtin
 * twins, which ctz.c and ctz_builtin_bmi.c (and so on) compile with
 * different ISA flags from this one definition. */
#ifndef HOTPATH_INLINE_ASM_BITOP_H
#define HOTPATH_INLINE_ASM_BITOP_H

#include "asm.h"
#include "inline_asm.h"

/* Defines hp_<fam>_<v> from a uint64_t -> uint64_t operation.  The latency
 * form xors the previous result into the next input: one extra 1-cycle
 * xor per step, and the operation cannot start before its input exists. */
#define HP_BITOP_KERNEL(fam, v, op)                                                \
    void hp_##fam##_##v(const uint64_t *in, uint64_t *out, size_t n, int chained) \
    {                                                                              \
        if (chained) {                                                             \
            uint64_t r = 0;                                                        \
            for (size_t i = 0; i < n; i++)                                         \
                out[i] = r = op(in[i] ^ r);                                        \
        } else {                                                                   \
            for (size_t i = 0; i < n; i++)                                         \
                out[i] = op(in[i]);                                                \
        }                                                                          \
    }

/* The builtins leave 0 undefined (bsf semantics); the ternary defines it.
 * Where the compiler may use tzcnt/lzcnt, clang 14 drops the test again;
 * GCC 12 keeps it as a (well predicted) branch. */
static inline uint64_t hp_builtin_ctz(uint64_t x)
{
    return x ? (uint64_t)__builtin_ctzll(x) : 64;
}

static inline uint64_t hp_builtin_clz(uint64_t x)
{
    return x ? (uint64_t)__builtin_clzll(x) : 64;
}

/* Without -mpopcnt this is a call to libgcc's __popcountdi2. */
static inline uint64_t hp_builtin_popcnt(uint64_t x)
{
    return (uint64_t)__builtin_popcountll(x);
}

static inline uint64_t hp_builtin_bswap(uint64_t x)
{
    return __builtin_bswap64(x);
}

#endif
