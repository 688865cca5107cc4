/* branch_sum, branchless: the comparison becomes a mask (all ones when the
 * element counts, zero otherwise) that selects the element arithmetically,
 * so the only conditional jump left is the loop's back-edge and the time
 * per element no longer depends on how predictable the data is.
 * tests/test_cpu_effects_asm.sh checks that in the disassembly.
 *
 * The vectorizer is off so that this is the branchy loop minus its branch,
 * one element at a time: the comparison with branchy is the branch alone
 * (the auto variant shows what the vectorizer adds). */
#include "../hp_kernel.h"
#include "cpu_effects.h"

HP_NO_VECTORIZE int64_t hp_branch_sum_branchless(const int32_t *a, size_t n, int32_t threshold)
{
    uint64_t s = 0;
    HP_SCALAR_LOOP
    for (size_t i = 0; i < n; i++) {
        const uint64_t keep = -(uint64_t)(a[i] > threshold); /* 0 or ~0 */
        s += (uint64_t)(int64_t)a[i] & keep;
    }
    return (int64_t)s;
}
