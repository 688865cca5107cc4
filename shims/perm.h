/* Permutations for the cache-locality kernels (milestone 7), shared by the
 * gate, the benchmarks, hotpath-run and the tests. */
#ifndef HOTPATH_PERM_H
#define HOTPATH_PERM_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* cyc[0..k) = a single random cycle through 0..k-1: following i =
 * cyc[i] from any i visits every value once before it returns (Sattolo's
 * algorithm), so no short loop stays in cache.  k < 2^32. */
static inline void hp_perm_cycle(uint32_t *cyc, size_t k, hp_rng *r)
{
    for (size_t i = 0; i < k; i++)
        cyc[i] = (uint32_t)i;
    for (size_t i = k; i-- > 1;) {
        const size_t j = (size_t)hp_rng_below(r, i); /* j < i: Sattolo, not Fisher-Yates */
        const uint32_t t = cyc[i];
        cyc[i] = cyc[j];
        cyc[j] = t;
    }
}

/* Spreads a cycle over k slots of next, one slot every `stride` entries:
 * next[i*stride] = cyc[i]*stride.  With stride = 64 / sizeof *next each
 * step of the chase lands on its own cache line.  Built compact first and
 * spread after, so a 256 MiB chase is shuffled in a 16 MiB array (cache
 * hits) rather than with two DRAM misses per swap.  next holds k*stride
 * entries; the ones between slots are left as they are. */
static inline void hp_perm_spread(const uint32_t *cyc, size_t k, uint32_t *next, size_t stride)
{
    for (size_t i = 0; i < k; i++)
        next[i * stride] = cyc[i] * (uint32_t)stride;
}

/* idx[0..n) = a uniformly shuffled permutation of 0..n-1 (Fisher-Yates);
 * identity when shuffle is 0. */
static inline void hp_perm_indices(uint32_t *idx, size_t n, int shuffle, hp_rng *r)
{
    for (size_t i = 0; i < n; i++)
        idx[i] = (uint32_t)i;
    if (!shuffle)
        return;
    for (size_t i = n; i-- > 1;) {
        const size_t j = (size_t)hp_rng_below(r, i + 1);
        const uint32_t t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
}

#endif
