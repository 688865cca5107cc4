/* Registry lines of milestone 2 (kernels/abstraction): each family is one
 * computation as `iter` (the function-pointer iterator library, iter.h),
 * `fused` (the typed-stage one, fuse.h) and `manual` (a plain loop), at
 * every optimization level.  The Release level (-O3) comes last
 * so that hp_best picks it; `manual` is the reference. */
#include "abstraction.h"
#include "registry.h"

static uint64_t int32_bytes(uint64_t n) { return n * sizeof(int32_t); }

const hp_family hp_fam_abstraction[] = {
    {"sum", "abstraction", "manual", "elements", int32_bytes},
    {"sum_positive", "abstraction", "manual", "elements", int32_bytes},
    {"sum_squares", "abstraction", "manual", "elements", int32_bytes},
    {"sum_chain", "abstraction", "manual", "elements", int32_bytes},
};

#define ABSTRACTION_FAMILY(f)                                                          \
    HP_V(f, iter_O0, BASELINE, 0), HP_V(f, fused_O0, BASELINE, 0),                     \
    HP_V(f, manual_O0, BASELINE, 0),                                                   \
    HP_V(f, iter_O1, AUTO, 0), HP_V(f, fused_O1, AUTO, 0), HP_V(f, manual_O1, AUTO, 0), \
    HP_V(f, iter_Os, AUTO, 0), HP_V(f, fused_Os, AUTO, 0), HP_V(f, manual_Os, AUTO, 0), \
    HP_V(f, iter_O2, AUTO, 0), HP_V(f, fused_O2, AUTO, 0), HP_V(f, manual_O2, AUTO, 0), \
    HP_V(f, iter, AUTO, 0), HP_V(f, fused, AUTO, 0), HP_V(f, manual, AUTO, 0)

const hp_variant hp_reg_abstraction[] = {
    ABSTRACTION_FAMILY(sum),
    ABSTRACTION_FAMILY(sum_positive),
    ABSTRACTION_FAMILY(sum_squares),
    ABSTRACTION_FAMILY(sum_chain),
};

HP_TABLE_COUNTS(abstraction)
