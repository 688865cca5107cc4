/* branch_sum, auto: the plain loop left to the compiler.  At -O3 GCC
 * vectorizes it into a packed compare and mask (no branch on the data at
 * all), so it is fast on random and sorted data alike. */
#include "cpu_effects.h"

int64_t hp_branch_sum_auto(const int32_t *a, size_t n, int32_t threshold)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] > threshold)
            s += (uint64_t)(int64_t)a[i];
    return (int64_t)s;
}
