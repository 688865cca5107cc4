/* The widest ceiling file that runs at the current cap (ceiling.h). */
#include "ceilings/ceiling.h"

#include "cpu/cpu.h"
#include "cpu/features.h"

const hp_ceiling_isa *hp_ceiling_widest(void)
{
    static const hp_ceiling_isa *const widest_first[] = {&hp_ceiling_avx512, &hp_ceiling_avx2,
                                                         &hp_ceiling_sse2};
    const uint64_t have = hp_cpu_features();
    for (size_t i = 0; i < sizeof widest_first / sizeof widest_first[0]; i++)
        if ((widest_first[i]->features & have) == widest_first[i]->features)
            return widest_first[i];
    return &hp_ceiling_sse2; /* x86-64 always has SSE2 */
}
