/* Milestone 2: zero-cost abstractions.  Four families (sum, sum_positive,
 * sum_squares, sum_chain), each with an `iter` variant written with the
 * iterator library (kernels/abstraction/iter.h) and a `manual` loop, built
 * from one source (kernels/abstraction/pairs.inc) at every optimization
 * level: `iter`/`manual` at -O3 (the Release level), `iter_O0` ..
 * `manual_Os` at the others.  All have hp_sum_array_fn's signature and
 * wrap (no signed-overflow UB). */
#ifndef HOTPATH_ABSTRACTION_H
#define HOTPATH_ABSTRACTION_H

#include <stddef.h>
#include <stdint.h>

#include "hotpath.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The families' types (one signature, hp_sum_array_fn's). */
typedef hp_sum_array_fn hp_sum_fn;
typedef hp_sum_array_fn hp_sum_positive_fn;
typedef hp_sum_array_fn hp_sum_squares_fn;
typedef hp_sum_array_fn hp_sum_chain_fn;

#define HP_ABSTRACTION_DECLARE_FAMILY(f, level)                     \
    int32_t hp_##f##_iter##level(const int32_t *a, size_t n);       \
    int32_t hp_##f##_fused##level(const int32_t *a, size_t n);      \
    int32_t hp_##f##_manual##level(const int32_t *a, size_t n);

#define HP_ABSTRACTION_DECLARE(level)                       \
    HP_ABSTRACTION_DECLARE_FAMILY(sum, level)               \
    HP_ABSTRACTION_DECLARE_FAMILY(sum_positive, level)      \
    HP_ABSTRACTION_DECLARE_FAMILY(sum_squares, level)       \
    HP_ABSTRACTION_DECLARE_FAMILY(sum_chain, level)

HP_ABSTRACTION_DECLARE(_O0)
HP_ABSTRACTION_DECLARE(_O1)
HP_ABSTRACTION_DECLARE(_O2)
HP_ABSTRACTION_DECLARE()
HP_ABSTRACTION_DECLARE(_Os)

#undef HP_ABSTRACTION_DECLARE
#undef HP_ABSTRACTION_DECLARE_FAMILY

#ifdef __cplusplus
}
#endif
#endif
