/* AVX2: 24 input bytes -> 32 characters per step, the SSSE3 method on
 * two 128-bit lanes (pshufb and the multiplies work within a lane, so
 * each lane gets its own 12 bytes from its own load). */
#include "base64.h"
#include "base64_impl.h"

#include <immintrin.h>

static inline __m256i reshuffle(__m256i in)
{
    /* per lane: triple b0 b1 b2 -> [b1 b0 b2 b1] */
    in = _mm256_shuffle_epi8(in, _mm256_setr_epi8(1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11,
                                                  10, 1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9,
                                                  11, 10));
    const __m256i ac = _mm256_mulhi_epu16(_mm256_and_si256(in, _mm256_set1_epi32(0x0FC0FC00)),
                                          _mm256_set1_epi32(0x04000040));
    const __m256i bd = _mm256_mullo_epi16(_mm256_and_si256(in, _mm256_set1_epi32(0x003F03F0)),
                                          _mm256_set1_epi32(0x01000010));
    return _mm256_or_si256(ac, bd);
}

/* Index -> ASCII by range offset (see base64_encode_ssse3.c). */
static inline __m256i translate(__m256i idx)
{
    __m256i r = _mm256_subs_epu8(idx, _mm256_set1_epi8(51));
    const __m256i lt26 = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), idx);
    r = _mm256_or_si256(r, _mm256_and_si256(lt26, _mm256_set1_epi8(13)));
    const __m256i offsets = _mm256_setr_epi8(
        'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
        '0' - 52, '0' - 52, '+' - 62, '/' - 63, 'A', 0, 0, 'a' - 26, '0' - 52, '0' - 52, '0' - 52,
        '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '+' - 62, '/' - 63,
        'A', 0, 0);
    return _mm256_add_epi8(_mm256_shuffle_epi8(offsets, r), idx);
}

static inline __m256i load_2x12(const uint8_t *p)
{
    return _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128((const __m128i *)p)),
                                   _mm_loadu_si128((const __m128i *)(p + 12)), 1);
}

size_t hp_base64_encode_avx2(const uint8_t *src, size_t n, char *dst)
{
    size_t i = 0;
    char *o = dst;
    /* Two steps per iteration for independent chains; the second 16-byte
     * load of a step starts at +12: 28 readable bytes per step. */
    for (; n - i >= 52; i += 48, o += 64) {
        __m256i a = load_2x12(src + i), b = load_2x12(src + i + 24);
        _mm256_storeu_si256((__m256i *)o, translate(reshuffle(a)));
        _mm256_storeu_si256((__m256i *)(o + 32), translate(reshuffle(b)));
    }
    for (; n - i >= 28; i += 24, o += 32)
        _mm256_storeu_si256((__m256i *)o, translate(reshuffle(load_2x12(src + i))));
    return (size_t)(o - dst) + hp_b64_enc_tail(src + i, n - i, o);
}
