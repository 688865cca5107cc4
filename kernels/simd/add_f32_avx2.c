/* add_f32, AVX2: four 8-float vectors per step (enough independent loads
 * to keep both load ports busy), single vectors, then the shared scalar
 * tail of at most 7 elements. */
#include "simd.h"
#include "simd_tail.h"

#include <immintrin.h>

void hp_add_f32_avx2(const float *a, const float *b, float *out, size_t n)
{
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        /* out[i+8k..] = a[i+8k..] + b[i+8k..], k = 0..3; each store follows
         * the loads of its own elements, so out == a or out == b is fine */
        for (size_t k = 0; k < 32; k += 8)
            _mm256_storeu_ps(out + i + k, _mm256_add_ps(_mm256_loadu_ps(a + i + k),
                                                        _mm256_loadu_ps(b + i + k)));
    }
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_add_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i)));
    hp_simd_add_tail(a + i, b + i, out + i, n - i);
}
