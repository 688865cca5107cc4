/* max_f32, SSE2: four independent 4-float maxima, then single vectors, the
 * shared scalar tail and the shared fix-up of the family's rule.
 *
 * maxps d, x returns x unless d > x: with the running maximum m as the
 * second operand, max(a[i], m) skips a NaN a[i] (the comparison is false)
 * and m never becomes NaN, since it starts at -INFINITY.  What maxps does
 * not give is the family's order of zeros (of two zeros it keeps m) nor a
 * NaN for an all-NaN array: hp_simd_max_resolve settles both afterwards,
 * rescanning only when the result is a zero or -INFINITY. */
#include "simd.h"
#include "simd_tail.h"

#include <emmintrin.h>
#include <math.h>

#define MAX(m, off) m = _mm_max_ps(_mm_loadu_ps(a + i + (off)), m)

float hp_max_f32_sse2(const float *a, size_t n)
{
    if (n == 0)
        return -INFINITY;
    __m128 m0 = _mm_set1_ps(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        MAX(m0, 0); MAX(m1, 4); MAX(m2, 8); MAX(m3, 12);
    }
    for (; i + 4 <= n; i += 4)
        MAX(m0, 0);
    m0 = _mm_max_ps(_mm_max_ps(m0, m1), _mm_max_ps(m2, m3));
    m0 = _mm_max_ps(m0, _mm_movehl_ps(m0, m0));               /* lanes 0,1 vs 2,3 */
    m0 = _mm_max_ss(m0, _mm_shuffle_ps(m0, m0, 1));           /* lane 0 vs 1 */
    const float m = hp_simd_max_tail(a + i, n - i, _mm_cvtss_f32(m0));
    return hp_simd_max_resolve(a, n, m);
}
