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

/* The four chain counts of one file (kernels/cpu_effects/ilp.inc). */
#define ILP_FAMILY(X, f, stem)           \
    X(f, chains1, BASELINE, stem, 0)     \
    X(f, chains2, ALGORITHM, stem, 0)    \
    X(f, chains4, ALGORITHM, stem, 0)    \
    X(f, chains8, ALGORITHM, stem, 0)

#define CPU_EFFECTS(X)                                                                   \
    X(branch_sum, branchy, BASELINE, branch_sum_branchy, 0)                              \
    X(branch_sum, branchless, ALGORITHM, branch_sum_branchless, 0)                       \
    X(branch_sum, auto, AUTO, branch_sum_auto, 0) /* vectorized at the baseline: SSE2 */ \
    X(pointer_chase, scalar, BASELINE, pointer_chase_scalar, 0)                          \
    X(gather_sum, scalar, BASELINE, gather_sum_scalar, 0)                                \
    ILP_FAMILY(X, ilp_imul, ilp_imul)                                                    \
    ILP_FAMILY(X, ilp_fma, ilp_fma_avx2)

HP_REGISTRY(cpu_effects, CPU_EFFECTS)

HP_TABLE_COUNTS(cpu_effects)
