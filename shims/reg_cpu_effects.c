/* Registry lines of milestone 7 (kernels/cpu_effects).  Within each family
 * the preferred path comes last (hp_best picks the last runnable one). */
#include "cpu_effects.h"
#include "registry.h"

/* branch_sum reads n int32; gather_sum reads n int32 and n uint32 indices;
 * pointer_chase's size is its working set in bytes. */
static uint64_t branch_sum_bytes(uint64_t n) { return n * sizeof(int32_t); }
static uint64_t gather_sum_bytes(uint64_t n) { return n * (sizeof(int32_t) + sizeof(uint32_t)); }
static uint64_t pointer_chase_bytes(uint64_t bytes) { return bytes; }

const hp_family hp_fam_cpu_effects[] = {
    {"branch_sum", "cpu_effects", "branchy", "elements", branch_sum_bytes},
    {"pointer_chase", "cpu_effects", "scalar", "bytes", pointer_chase_bytes},
    {"gather_sum", "cpu_effects", "scalar", "elements", gather_sum_bytes},
    {"ilp_imul", "cpu_effects", "chains1", "ops", NULL},
    {"ilp_fma", "cpu_effects", "chains1", "ops", NULL},
};

#define ILP_FAMILY(f, feats)                  \
    HP_V(f, chains1, BASELINE, feats),        \
    HP_V(f, chains2, ALGORITHM, feats),       \
    HP_V(f, chains4, ALGORITHM, feats),       \
    HP_V(f, chains8, ALGORITHM, feats)

const hp_variant hp_reg_cpu_effects[] = {
    HP_V(branch_sum, branchy, BASELINE, 0),
    HP_V(branch_sum, branchless, ALGORITHM, 0),
    HP_V(branch_sum, auto, AUTO, HP_NEEDS_SSE2), /* vectorized at the baseline */
    HP_V(pointer_chase, scalar, BASELINE, 0),
    HP_V(gather_sum, scalar, BASELINE, 0),
    ILP_FAMILY(ilp_imul, 0),
    ILP_FAMILY(ilp_fma, HP_NEEDS_AVX2),
};

HP_TABLE_COUNTS(cpu_effects)
