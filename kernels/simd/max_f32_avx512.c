/* max_f32, AVX-512: four independent 16-float maxima, single vectors, and
 * a masked load for the last 0..15 elements whose masked-off lanes read as
 * -INFINITY (and are not read at all, so they cannot fault); then the
 * shared fix-up.  The operand order that makes vmaxps skip NaNs is
 * explained in max_f32_sse2.c. */
#include "simd.h"
#include "simd_tail.h"

#include <immintrin.h>
#include <math.h>

#define MAX(m, off) m = _mm512_max_ps(_mm512_loadu_ps(a + i + (off)), m)

float hp_max_f32_avx512(const float *a, size_t n)
{
    if (n == 0)
        return -INFINITY;
    const __m512 ninf = _mm512_set1_ps(-INFINITY);
    __m512 m0 = ninf, m1 = m0, m2 = m0, m3 = m0;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        MAX(m0, 0); MAX(m1, 16); MAX(m2, 32); MAX(m3, 48);
    }
    for (; i + 16 <= n; i += 16)
        MAX(m0, 0);
    const __mmask16 k = _cvtu32_mask16((1u << (n - i)) - 1u); /* n - i < 16 */
    m1 = _mm512_max_ps(_mm512_mask_loadu_ps(ninf, k, a + i), m1);
    m0 = _mm512_max_ps(_mm512_max_ps(m0, m1), _mm512_max_ps(m2, m3));
    /* 16 -> 8 -> 4 lanes, then as in SSE */
    __m256 y = _mm256_max_ps(_mm512_castps512_ps256(m0), _mm512_extractf32x8_ps(m0, 1));
    __m128 x = _mm_max_ps(_mm256_castps256_ps128(y), _mm256_extractf128_ps(y, 1));
    x = _mm_max_ps(x, _mm_movehl_ps(x, x));
    x = _mm_max_ss(x, _mm_movehdup_ps(x));
    return hp_simd_max_resolve(a, n, _mm_cvtss_f32(x));
}
