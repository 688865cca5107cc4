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

/* hp_<f>_iter_O2 and the rest are made by kernels/abstraction/pairs.inc,
 * compiled once per level as pairs_<level>.c (the Release trio in
 * pairs_O3.c): hotpath-cpu prints each variant's file. */
#define ABSTRACTION_LEVEL(X, f, stage, level, stem) \
    X(f, iter##level, stage, stem, 0)               \
    X(f, fused##level, stage, stem, 0)              \
    X(f, manual##level, stage, stem, 0)
#define ABSTRACTION_FAMILY(X, f)                          \
    ABSTRACTION_LEVEL(X, f, BASELINE, _O0, pairs_O0)      \
    ABSTRACTION_LEVEL(X, f, AUTO, _O1, pairs_O1)          \
    ABSTRACTION_LEVEL(X, f, AUTO, _Os, pairs_Os)          \
    ABSTRACTION_LEVEL(X, f, AUTO, _O2, pairs_O2)          \
    ABSTRACTION_LEVEL(X, f, AUTO, , pairs_O3)

#define ABSTRACTION(X)                       \
    ABSTRACTION_FAMILY(X, sum)               \
    ABSTRACTION_FAMILY(X, sum_positive)      \
    ABSTRACTION_FAMILY(X, sum_squares)       \
    ABSTRACTION_FAMILY(X, sum_chain)

HP_REGISTRY(abstraction, ABSTRACTION)
HP_TABLE_COUNTS(abstraction)
