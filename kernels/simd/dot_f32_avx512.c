/* dot_f32, AVX-512: eight independent 16-float FMA accumulators (FMA
 * latency 4 cycles x 2 per cycle, as in dot_f32_avx2.c), single vectors,
 * and a zero-masked load for the last 0..15 elements: masked-off lanes are
 * not read (no fault past the buffer) and contribute 0 * 0. */
#include "simd.h"

#include <immintrin.h>

/* s = a[i+off..+16) * b[i+off..+16) + s, one rounding per lane */
#define FMA(s, off) \
    s = _mm512_fmadd_ps(_mm512_loadu_ps(a + i + (off)), _mm512_loadu_ps(b + i + (off)), s)

float hp_dot_f32_avx512(const float *a, const float *b, size_t n)
{
    __m512 s0 = _mm512_setzero_ps(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0,
           s7 = s0;
    size_t i = 0;
    for (; i + 128 <= n; i += 128) {
        FMA(s0, 0); FMA(s1, 16); FMA(s2, 32); FMA(s3, 48);
        FMA(s4, 64); FMA(s5, 80); FMA(s6, 96); FMA(s7, 112);
    }
    for (; i + 16 <= n; i += 16)
        FMA(s0, 0);
    const __mmask16 k = _cvtu32_mask16((1u << (n - i)) - 1u); /* n - i < 16 */
    s1 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(k, a + i), _mm512_maskz_loadu_ps(k, b + i), s1);
    s0 = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)),
                       _mm512_add_ps(_mm512_add_ps(s4, s5), _mm512_add_ps(s6, s7)));
    return _mm512_reduce_add_ps(s0);
}
