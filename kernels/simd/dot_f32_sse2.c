/* dot_f32, SSE2: multiply and add (no FMA before AVX2), eight independent
 * 4-float accumulators so consecutive adds do not wait for each other
 * (add latency 3 cycles x 2 adds per cycle = 6 chains in flight; 8 is the
 * next power of two); the 0..7 whole vectors after the unrolled loop go to
 * different accumulators too, then the shared scalar tail (0..3). */
#include "simd.h"
#include "simd_tail.h"

#include <emmintrin.h>

/* s += a[i..i+4) * b[i..i+4) lane by lane */
#define MADD(s, off) \
    s = _mm_add_ps(s, _mm_mul_ps(_mm_loadu_ps(a + i + (off)), _mm_loadu_ps(b + i + (off))))

static inline float hsum(__m128 v)
{
    /* (v0+v2, v1+v3, ...) then lane 0 + lane 1 */
    v = _mm_add_ps(v, _mm_movehl_ps(v, v));
    v = _mm_add_ss(v, _mm_shuffle_ps(v, v, 1));
    return _mm_cvtss_f32(v);
}

float hp_dot_f32_sse2(const float *a, const float *b, size_t n)
{
    __m128 s0 = _mm_setzero_ps(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        MADD(s0, 0); MADD(s1, 4); MADD(s2, 8); MADD(s3, 12);
        MADD(s4, 16); MADD(s5, 20); MADD(s6, 24); MADD(s7, 28);
    }
    if (i + 16 <= n) {
        MADD(s0, 0); MADD(s1, 4); MADD(s2, 8); MADD(s3, 12);
        i += 16;
    }
    if (i + 8 <= n) {
        MADD(s4, 0); MADD(s5, 4);
        i += 8;
    }
    if (i + 4 <= n) {
        MADD(s6, 0);
        i += 4;
    }
    s0 = _mm_add_ps(_mm_add_ps(_mm_add_ps(s0, s1), _mm_add_ps(s2, s3)),
                    _mm_add_ps(_mm_add_ps(s4, s5), _mm_add_ps(s6, s7)));
    return hsum(s0) + hp_simd_dot_tail(a + i, b + i, n - i);
}
