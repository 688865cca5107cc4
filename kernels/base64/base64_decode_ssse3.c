/* SSSE3: 16 characters -> 12 bytes per step (Wojciech Muła's method, as
 * in aklomp/base64): two pshufb tables indexed by the low and high nibble
 * classify each character (their AND is non-zero exactly for bytes outside
 * the alphabet), a third maps the high nibble to the offset that turns
 * ASCII into the 6-bit value, and two multiply-adds pack 4 x 6 bits into
 * 24.  A bad block stops the loop; the shared tail finds the offset. */
#include "base64.h"
#include "base64_impl.h"

#include <tmmintrin.h>

/* 16 characters -> 16 values in 0..63; *bad = non-zero if any was not in
 * the alphabet. */
static inline __m128i translate(__m128i str, int *bad)
{
    const __m128i lut_lo = _mm_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                                         0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A);
    const __m128i lut_hi = _mm_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10,
                                         0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
    const __m128i lut_roll = _mm_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0,
                                           0, 0);
    /* 0x2F masks the nibbles (pshufb ignores bits 4-6; bit 7 is cleared)
     * and is also '/', the one character whose offset the high nibble
     * alone does not determine. */
    const __m128i mask_2f = _mm_set1_epi8(0x2F);
    const __m128i hi_nib = _mm_and_si128(_mm_srli_epi32(str, 4), mask_2f);
    const __m128i lo_nib = _mm_and_si128(str, mask_2f);
    const __m128i cls = _mm_and_si128(_mm_shuffle_epi8(lut_lo, lo_nib),
                                      _mm_shuffle_epi8(lut_hi, hi_nib));
    *bad = _mm_movemask_epi8(_mm_cmpeq_epi8(cls, _mm_setzero_si128())) != 0xFFFF;
    const __m128i eq_2f = _mm_cmpeq_epi8(str, mask_2f); /* '/' -> index 1 */
    const __m128i roll = _mm_shuffle_epi8(lut_roll, _mm_add_epi8(eq_2f, hi_nib));
    return _mm_add_epi8(str, roll);
}

/* Per 32-bit lane: values a b c d -> a<<18 | b<<12 | c<<6 | d, then the 3
 * bytes of each lane, most significant first, into the low 12 bytes. */
static inline __m128i pack(__m128i v)
{
    const __m128i ab_cd = _mm_maddubs_epi16(v, _mm_set1_epi32(0x01400140));
    const __m128i abcd = _mm_madd_epi16(ab_cd, _mm_set1_epi32(0x00011000));
    return _mm_shuffle_epi8(abcd, _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1,
                                                -1, -1));
}

ptrdiff_t hp_base64_decode_ssse3(const char *src, size_t n, uint8_t *dst)
{
    size_t pos = 0;
    uint8_t *o = dst;
    /* A step stores 16 bytes for 12: n - pos >= 24 keeps the store below
     * 3*(n/4) (3*(pos/4) + 16 <= 3*(pos/4 + 6)) and the step off the final
     * quartet. */
    for (; n - pos >= 24; pos += 16, o += 12) {
        int bad;
        const __m128i v = translate(_mm_loadu_si128((const __m128i *)(src + pos)), &bad);
        if (bad)
            break;
        _mm_storeu_si128((__m128i *)o, pack(v));
    }
    return hp_b64_dec_tail(src, n, pos, dst);
}
