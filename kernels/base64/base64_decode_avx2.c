/* AVX2: 32 characters -> 24 bytes per step, the SSSE3 method (see
 * base64_decode_ssse3.c) on two lanes, then vpermd closes the 4-byte gap
 * between the lanes' 12-byte results. */
#include "base64.h"
#include "base64_impl.h"

#include <immintrin.h>

#define X2(...) __VA_ARGS__, __VA_ARGS__

static inline __m256i translate(__m256i str, int *bad)
{
    const __m256i lut_lo = _mm256_setr_epi8(X2(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                                               0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A));
    const __m256i lut_hi = _mm256_setr_epi8(X2(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08,
                                               0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10));
    const __m256i lut_roll = _mm256_setr_epi8(X2(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0,
                                                 0, 0, 0, 0));
    const __m256i mask_2f = _mm256_set1_epi8(0x2F);
    const __m256i hi_nib = _mm256_and_si256(_mm256_srli_epi32(str, 4), mask_2f);
    const __m256i lo_nib = _mm256_and_si256(str, mask_2f);
    *bad = !_mm256_testz_si256(_mm256_shuffle_epi8(lut_lo, lo_nib),
                               _mm256_shuffle_epi8(lut_hi, hi_nib));
    const __m256i eq_2f = _mm256_cmpeq_epi8(str, mask_2f);
    const __m256i roll = _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(eq_2f, hi_nib));
    return _mm256_add_epi8(str, roll);
}

static inline __m256i pack(__m256i v)
{
    const __m256i ab_cd = _mm256_maddubs_epi16(v, _mm256_set1_epi32(0x01400140));
    const __m256i abcd = _mm256_madd_epi16(ab_cd, _mm256_set1_epi32(0x00011000));
    const __m256i lanes = _mm256_shuffle_epi8(
        abcd, _mm256_setr_epi8(X2(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1)));
    return _mm256_permutevar8x32_epi32(lanes, _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7));
}

ptrdiff_t hp_base64_decode_avx2(const char *src, size_t n, uint8_t *dst)
{
    size_t pos = 0;
    uint8_t *o = dst;
    /* A step stores 32 bytes for 24: n - pos >= 44 keeps the store below
     * 3*(n/4) (3*(pos/4) + 32 <= 3*(pos/4 + 11)) and off the final
     * quartet.  Two steps per iteration when there is room for both. */
    for (; n - pos >= 76; pos += 64, o += 48) {
        int bad_a, bad_b;
        const __m256i a = translate(_mm256_loadu_si256((const __m256i *)(src + pos)), &bad_a);
        const __m256i b = translate(_mm256_loadu_si256((const __m256i *)(src + pos + 32)), &bad_b);
        if (bad_a | bad_b)
            break;
        _mm256_storeu_si256((__m256i *)o, pack(a));
        _mm256_storeu_si256((__m256i *)(o + 24), pack(b));
    }
    for (; n - pos >= 44; pos += 32, o += 24) {
        int bad;
        const __m256i v = translate(_mm256_loadu_si256((const __m256i *)(src + pos)), &bad);
        if (bad)
            break;
        _mm256_storeu_si256((__m256i *)o, pack(v));
    }
    return hp_b64_dec_tail(src, n, pos, dst);
}
