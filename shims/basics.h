/* Milestone 1: from C to assembly.  Variants: scalar (vectorizer off),
 * auto (plain loop, left to the compiler) and O0 (the auto source built at
 * -O0, the debug build).  Arithmetic wraps: no signed-overflow UB. */
#ifndef HOTPATH_BASICS_H
#define HOTPATH_BASICS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t (*hp_add_fn)(int32_t a, int32_t b);
typedef int32_t (*hp_multiply_fn)(int32_t a, int32_t b);
/* n! modulo 2^64: exact up to 20!, wraps beyond. */
typedef uint64_t (*hp_factorial_fn)(uint32_t n);

#define HP_BASICS_DECLARE(v)                                     \
    int32_t hp_add_##v(int32_t a, int32_t b);                    \
    int32_t hp_multiply_##v(int32_t a, int32_t b);               \
    uint64_t hp_factorial_##v(uint32_t n);                       \
    int32_t hp_sum_array_##v(const int32_t *a, size_t n);

HP_BASICS_DECLARE(scalar)
HP_BASICS_DECLARE(auto)
HP_BASICS_DECLARE(O0)

#ifdef __cplusplus
}
#endif
#endif
