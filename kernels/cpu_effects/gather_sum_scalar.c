/* gather_sum: a[idx[i]] summed in index order.  With identity indices the
 * loads walk memory sequentially and the hardware prefetcher streams them;
 * with a shuffled permutation the same elements arrive in random order and
 * each load that misses the cache waits for memory (the loads are
 * independent, so several misses overlap, unlike pointer_chase).  The
 * vectorizer is off: the baseline ISA has no gather, and the lesson is the
 * access order, not SIMD. */
#include "../hp_kernel.h"
#include "cpu_effects.h"

HP_NO_VECTORIZE int64_t hp_gather_sum_scalar(const int32_t *a, size_t n_a, const uint32_t *idx,
                                             size_t n_idx)
{
    uint64_t s = 0;
    HP_SCALAR_LOOP
    for (size_t i = 0; i < n_idx; i++) {
        const uint32_t k = idx[i];
        if (k >= n_a)
            return HP_GATHER_OUT_OF_RANGE;
        s += (uint64_t)(int64_t)a[k];
    }
    return (int64_t)s;
}
