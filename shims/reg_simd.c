/* Registry lines of milestone 4 (kernels/simd).  Within each family the
 * fastest path comes last (hp_best picks the last runnable one). */
#include "registry.h"
#include "simd.h"

/* Bytes one call reads and writes, n elements of 4 bytes. */
static uint64_t add_bytes(uint64_t n) { return 12 * n; } /* a, b, out */
static uint64_t dot_bytes(uint64_t n) { return 8 * n; }  /* a, b */
static uint64_t max_bytes(uint64_t n) { return 4 * n; }  /* a */

const hp_family hp_fam_simd[] = {
    {"add_f32", "simd", "scalar", "elements", add_bytes},
    {"dot_f32", "simd", "f64acc", "elements", dot_bytes},
    {"max_f32", "simd", "scalar", "elements", max_bytes},
};

const hp_variant hp_reg_simd[] = {
    HP_V(add_f32, scalar, BASELINE, 0),
    HP_V(add_f32, auto, AUTO, HP_NEEDS_SSE2),
    HP_V(add_f32, auto_v3, AUTO, HP_LEVEL_V3),
    HP_V(add_f32, auto_v4, AUTO, HP_LEVEL_V4),
    HP_V(add_f32, sse2, SIMD, HP_NEEDS_SSE2),
    HP_V(add_f32, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(add_f32, avx512, SIMD, HP_NEEDS_AVX512),

    HP_V(dot_f32, f64acc, BASELINE, 0),
    HP_V(dot_f32, scalar, BASELINE, 0),
    HP_V(dot_f32, auto, AUTO, HP_NEEDS_SSE2),
    HP_V(dot_f32, auto_v3, AUTO, HP_LEVEL_V3),
    HP_V(dot_f32, auto_v4, AUTO, HP_LEVEL_V4),
    HP_V(dot_f32, sse2, SIMD, HP_NEEDS_SSE2),
    HP_V(dot_f32, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(dot_f32, avx512, SIMD, HP_NEEDS_AVX512),

    HP_V(max_f32, scalar, BASELINE, 0),
    HP_V(max_f32, sse2, SIMD, HP_NEEDS_SSE2),
    HP_V(max_f32, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(max_f32, avx512, SIMD, HP_NEEDS_AVX512),
};

HP_TABLE_COUNTS(simd)
