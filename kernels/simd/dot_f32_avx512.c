/* dot_f32, AVX-512: eight independent 16-float FMA accumulators (FMA
 * latency 4 cycles x 2 per cycle, as in dot_f32_avx2.c).  The last n % 16
 * elements come first, as a zero-masked product (masked-off lanes are not
 * read, so nothing past the arrays is touched, and give 0 * 0): it does not
 * wait for the loop, so it adds no latency at the end.  The 0..7 whole
 * vectors after the unrolled loop go to different accumulators too. */
#include "simd.h"

#include <immintrin.h>

/* s = a[i+off..+16) * b[i+off..+16) + s, one rounding per lane */
#define FMA(s, off) \
    s = _mm512_fmadd_ps(_mm512_loadu_ps(a + i + (off)), _mm512_loadu_ps(b + i + (off)), s)

float hp_dot_f32_avx512(const float *a, const float *b, size_t n)
{
    const size_t body = n - n % 16;
    const __mmask16 k = _cvtu32_mask16((1u << (n % 16)) - 1u);
    __m512 s0 = _mm512_mul_ps(_mm512_maskz_loadu_ps(k, a + body),
                              _mm512_maskz_loadu_ps(k, b + body));
    __m512 s1 = _mm512_setzero_ps(), s2 = s1, s3 = s1, s4 = s1, s5 = s1, s6 = s1, s7 = s1;
    size_t i = 0;
    for (; i + 128 <= body; i += 128) {
        FMA(s0, 0); FMA(s1, 16); FMA(s2, 32); FMA(s3, 48);
        FMA(s4, 64); FMA(s5, 80); FMA(s6, 96); FMA(s7, 112);
    }
    if (i + 64 <= body) {
        FMA(s0, 0); FMA(s1, 16); FMA(s2, 32); FMA(s3, 48);
        i += 64;
    }
    if (i + 32 <= body) {
        FMA(s4, 0); FMA(s5, 16);
        i += 32;
    }
    if (i < body)
        FMA(s6, 0);
    s0 = _mm512_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)),
                       _mm512_add_ps(_mm512_add_ps(s4, s5), _mm512_add_ps(s6, s7)));
    return _mm512_reduce_add_ps(s0);
}
