/* pointer_chase: one dependent load at a time.  The address of each load
 * is the value of the previous one, so nothing overlaps and the time per
 * step is the load-to-use latency of wherever next[] lives (L1, L2, L3 or
 * DRAM, plus TLB misses).  The range check compares the loaded index while
 * the next load is already issued: it is not on the chain. */
#include "cpu_effects.h"

uint32_t hp_pointer_chase_scalar(const uint32_t *next, size_t n, size_t steps)
{
    uint32_t i = 0;
    if (n == 0)
        return steps ? HP_CHASE_OUT_OF_RANGE : 0;
    for (size_t s = 0; s < steps; s++) {
        i = next[i];
        if (i >= n)
            return HP_CHASE_OUT_OF_RANGE;
    }
    return i;
}
