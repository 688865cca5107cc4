/* The scalar pieces every vector variant of milestone 4 shares (defined
 * once, in simd_tail.c, built for the baseline): the elements after the last
 * whole vector, and max_f32's final fix-up. */
#ifndef HOTPATH_SIMD_TAIL_H
#define HOTPATH_SIMD_TAIL_H

#include <stddef.h>

/* out[i] = a[i] + b[i] for i < n. */
void hp_simd_add_tail(const float *a, const float *b, float *out, size_t n);
/* sum of a[i]*b[i] for i < n, in float, left to right. */
float hp_simd_dot_tail(const float *a, const float *b, size_t n);
/* Folds a[0..n) into m with the rule of the max instructions: m = a[i] > m ?
 * a[i] : m.  A NaN element is skipped (the comparison is false) and of two
 * zeros m is kept; hp_simd_max_resolve corrects the latter. */
float hp_simd_max_tail(const float *a, size_t n, float m);
/* m is the fold of a[0..n) (n > 0) by that rule starting from -INFINITY.
 * It is right unless it is -INFINITY (every element may be NaN: then the
 * answer is NaN) or a zero (which zero depends on the order the lanes met:
 * the answer is +0.0 if any element is +0.0).  Only those two cases rescan
 * the array, stopping at the first element that decides. */
float hp_simd_max_resolve(const float *a, size_t n, float m);

#endif
