/* branch_sum, branchy: the literal loop with a real conditional jump per
 * element, the family's reference.
 *
 * Left alone, GCC and clang at -O3 remove this branch (a cmov, or a
 * vectorized compare-and-mask: see the auto variant), and the lesson
 * disappears.  The empty volatile asm inside the taken side is what keeps
 * the branch: a volatile asm must run exactly when its block runs, so the
 * compiler can neither if-convert the block (execute it unconditionally and
 * select) nor vectorize the loop.  It emits no instruction.  This works the
 * same on GCC and clang, unlike -fno-if-conversion (GCC only, per file) or
 * __builtin_expect_with_probability (a hint the if-converter may ignore).
 * tests/test_cpu_effects_asm.sh checks that the loop keeps its branch. */
#include "cpu_effects.h"

int64_t hp_branch_sum_branchy(const int32_t *a, size_t n, int32_t threshold)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++) {
        if (a[i] > threshold) {
            s += (uint64_t)(int64_t)a[i];
            __asm__ __volatile__("" : "+r"(s));
        }
    }
    return (int64_t)s;
}
