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

#define SIMD(X)                                     \
    X(add_f32, scalar, BASELINE, add_f32_scalar, 0) \
    X(add_f32, auto, AUTO, add_f32_auto, 0)         \
    X(add_f32, auto_v3, AUTO, add_f32_auto_v3, 0)   \
    X(add_f32, auto_v4, AUTO, add_f32_auto_v4, 0)   \
    X(add_f32, sse2, SIMD, add_f32_sse2, 0)         \
    X(add_f32, avx2, SIMD, add_f32_avx2, 0)         \
    X(add_f32, avx512, SIMD, add_f32_avx512, 0)     \
    X(dot_f32, f64acc, BASELINE, dot_f32_f64acc, 0) \
    X(dot_f32, scalar, BASELINE, dot_f32_scalar, 0) \
    X(dot_f32, auto, AUTO, dot_f32_auto, 0)         \
    X(dot_f32, auto_v3, AUTO, dot_f32_auto_v3, 0)   \
    X(dot_f32, auto_v4, AUTO, dot_f32_auto_v4, 0)   \
    X(dot_f32, sse2, SIMD, dot_f32_sse2, 0)         \
    X(dot_f32, avx2, SIMD, dot_f32_avx2, 0)         \
    X(dot_f32, avx512, SIMD, dot_f32_avx512, 0)     \
    X(max_f32, scalar, BASELINE, max_f32_scalar, 0) \
    X(max_f32, sse2, SIMD, max_f32_sse2, 0)         \
    X(max_f32, avx2, SIMD, max_f32_avx2, 0)         \
    X(max_f32, avx512, SIMD, max_f32_avx512, 0)

HP_REGISTRY(simd, SIMD)

HP_TABLE_COUNTS(simd)
