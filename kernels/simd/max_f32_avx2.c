/* max_f32, AVX2: four independent 8-float maxima, single vectors, the
 * shared scalar tail (at most 7 elements) and the shared fix-up; the
 * operand order that makes vmaxps skip NaNs is explained in
 * max_f32_sse2.c. */
#include "simd.h"
#include "simd_tail.h"

#include <immintrin.h>
#include <math.h>

#define MAX(m, off) m = _mm256_max_ps(_mm256_loadu_ps(a + i + (off)), m)

float hp_max_f32_avx2(const float *a, size_t n)
{
    if (n == 0)
        return -INFINITY;
    __m256 m0 = _mm256_set1_ps(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        MAX(m0, 0); MAX(m1, 8); MAX(m2, 16); MAX(m3, 24);
    }
    for (; i + 8 <= n; i += 8)
        MAX(m0, 0);
    m0 = _mm256_max_ps(_mm256_max_ps(m0, m1), _mm256_max_ps(m2, m3));
    __m128 x = _mm_max_ps(_mm256_castps256_ps128(m0), _mm256_extractf128_ps(m0, 1));
    x = _mm_max_ps(x, _mm_movehl_ps(x, x));
    x = _mm_max_ss(x, _mm_movehdup_ps(x));
    const float m = hp_simd_max_tail(a + i, n - i, _mm_cvtss_f32(x));
    return hp_simd_max_resolve(a, n, m);
}
