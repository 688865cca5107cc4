/* Registry lines of milestone 2 (kernels/abstraction): each family is one
 * computation as `iter` (the iterator library) and `manual` (a plain
 * loop), at every optimization level.  The Release level (-O3) comes last
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
 * compiled once per level as pairs_<level>.c (the Release pair in
 * pairs_O3.c): hotpath-cpu prints each variant's file. */
#define ABSTRACTION_FAMILY(X, f)                                                  \
    X(f, iter_O0, BASELINE, pairs_O0, 0) X(f, manual_O0, BASELINE, pairs_O0, 0) \
    X(f, iter_O1, AUTO, pairs_O1, 0) X(f, manual_O1, AUTO, pairs_O1, 0)         \
    X(f, iter_Os, AUTO, pairs_Os, 0) X(f, manual_Os, AUTO, pairs_Os, 0)         \
    X(f, iter_O2, AUTO, pairs_O2, 0) X(f, manual_O2, AUTO, pairs_O2, 0)         \
    X(f, iter, AUTO, pairs_O3, 0) X(f, manual, AUTO, pairs_O3, 0)

#define ABSTRACTION(X)                       \
    ABSTRACTION_FAMILY(X, sum)               \
    ABSTRACTION_FAMILY(X, sum_positive)      \
    ABSTRACTION_FAMILY(X, sum_squares)       \
    ABSTRACTION_FAMILY(X, sum_chain)

HP_REGISTRY(abstraction, ABSTRACTION)
HP_TABLE_COUNTS(abstraction)
