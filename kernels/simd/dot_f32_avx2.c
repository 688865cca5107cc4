/* dot_f32, AVX2 + FMA: eight independent 8-float accumulators.  An FMA's
 * result is ready 4 cycles after it starts, and two can start per cycle
 * (Zen 4/5, Skylake alike): 4 x 2 = 8 chains keep both FMA units busy; with
 * one accumulator every FMA would wait for the previous one, 1/8 of that.
 * The 0..7 whole vectors after the unrolled loop go to different
 * accumulators too, then the shared scalar tail takes at most 7 elements. */
#include "simd.h"
#include "simd_tail.h"

#include <immintrin.h>

/* s = a[i+off..+8) * b[i+off..+8) + s, one rounding per lane */
#define FMA(s, off) \
    s = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + (off)), _mm256_loadu_ps(b + i + (off)), s)

static inline float hsum(__m256 v)
{
    __m128 x = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    x = _mm_add_ps(x, _mm_movehl_ps(x, x));
    x = _mm_add_ss(x, _mm_movehdup_ps(x));
    return _mm_cvtss_f32(x);
}

float hp_dot_f32_avx2(const float *a, const float *b, size_t n)
{
    __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0,
           s7 = s0;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        FMA(s0, 0); FMA(s1, 8); FMA(s2, 16); FMA(s3, 24);
        FMA(s4, 32); FMA(s5, 40); FMA(s6, 48); FMA(s7, 56);
    }
    if (i + 32 <= n) {
        FMA(s0, 0); FMA(s1, 8); FMA(s2, 16); FMA(s3, 24);
        i += 32;
    }
    if (i + 16 <= n) {
        FMA(s4, 0); FMA(s5, 8);
        i += 16;
    }
    if (i + 8 <= n) {
        FMA(s6, 0);
        i += 8;
    }
    s0 = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)),
                       _mm256_add_ps(_mm256_add_ps(s4, s5), _mm256_add_ps(s6, s7)));
    /* the tail's call cost ~1% of a 1Ki-element dot (Zen 4): skipped when it has
     * nothing to do (its empty sum is +0.0f, as written here) */
    return hsum(s0) + (i < n ? hp_simd_dot_tail(a + i, b + i, n - i) : 0.0f);
}
