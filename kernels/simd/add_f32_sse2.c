/* add_f32, SSE2: two 4-float vectors per step, one more if four elements
 * remain, then the shared scalar tail (SSE2 has no masked store). */
#include "simd.h"
#include "simd_tail.h"

#include <emmintrin.h>

void hp_add_f32_sse2(const float *a, const float *b, float *out, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        /* out[i..i+8) = a[i..i+8) + b[i..i+8); both loads precede both stores,
         * so out == a or out == b is fine */
        const __m128 x0 = _mm_add_ps(_mm_loadu_ps(a + i), _mm_loadu_ps(b + i));
        const __m128 x1 = _mm_add_ps(_mm_loadu_ps(a + i + 4), _mm_loadu_ps(b + i + 4));
        _mm_storeu_ps(out + i, x0);
        _mm_storeu_ps(out + i + 4, x1);
    }
    if (i + 4 <= n) {
        _mm_storeu_ps(out + i, _mm_add_ps(_mm_loadu_ps(a + i), _mm_loadu_ps(b + i)));
        i += 4;
    }
    hp_simd_add_tail(a + i, b + i, out + i, n - i);
}
