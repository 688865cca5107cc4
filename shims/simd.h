/* Milestone 4: SIMD float kernels.  The family types (hp_add_f32_fn,
 * hp_dot_f32_fn, hp_max_f32_fn) are in hotpath.h.
 *
 * add_f32: out[i] = a[i] + b[i]; out may be exactly a or exactly b (no
 *   partial overlap).  Bitwise equal to the scalar loop (NaN payloads aside).
 * dot_f32: sum of a[i]*b[i] in float, in an order each variant chooses;
 *   within gamma_n * sum|a[i]*b[i]| of the exact value (gamma_n = n*u/(1-n*u),
 *   u = 2^-24).  f64acc, the reference, accumulates in double.
 * max_f32: NaNs are ignored unless every element is NaN (then a NaN);
 *   +0.0 counts as greater than -0.0; an empty array gives -INFINITY. */
#ifndef HOTPATH_SIMD_H
#define HOTPATH_SIMD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HP_ADD_F32(v) void hp_add_f32_##v(const float *a, const float *b, float *out, size_t n);
#define HP_DOT_F32(v) float hp_dot_f32_##v(const float *a, const float *b, size_t n);
#define HP_MAX_F32(v) float hp_max_f32_##v(const float *a, size_t n);

HP_ADD_F32(scalar) HP_ADD_F32(auto) HP_ADD_F32(auto_v3) HP_ADD_F32(auto_v4)
HP_ADD_F32(sse2) HP_ADD_F32(avx2) HP_ADD_F32(avx512)

HP_DOT_F32(f64acc) HP_DOT_F32(scalar) HP_DOT_F32(auto) HP_DOT_F32(auto_v3)
HP_DOT_F32(auto_v4) HP_DOT_F32(sse2) HP_DOT_F32(avx2) HP_DOT_F32(avx512)

HP_MAX_F32(scalar) HP_MAX_F32(sse2) HP_MAX_F32(avx2) HP_MAX_F32(avx512)

#undef HP_ADD_F32
#undef HP_DOT_F32
#undef HP_MAX_F32

#ifdef __cplusplus
}
#endif
#endif
