/* SSSE3: 12 input bytes -> 16 characters per step (Wojciech Muła's
 * method): pshufb spreads each 3-byte group over a 32-bit lane, two
 * multiplies move the four 6-bit fields into separate bytes, and a
 * 16-entry pshufb table of offsets turns indices into ASCII. */
#include "base64.h"
#include "base64_impl.h"

#include <tmmintrin.h>

/* Bytes b0 b1 b2 of each triple -> lane bytes [b1 b0 b2 b1], so that the
 * 16-bit halves hold b0b1 and b1b2 with every field reachable by a
 * multiply. */
static inline __m128i reshuffle(__m128i in)
{
    in = _mm_shuffle_epi8(in, _mm_setr_epi8(1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10));
    /* fields a (bits 15..10 of b0b1) and c (bits 11..6 of b1b2) to the
     * low 6 bits of bytes 0 and 2: unsigned high multiplies shift right */
    const __m128i ac = _mm_mulhi_epu16(_mm_and_si128(in, _mm_set1_epi32(0x0FC0FC00)),
                                       _mm_set1_epi32(0x04000040));
    /* fields b and d to bytes 1 and 3: low multiplies shift left */
    const __m128i bd = _mm_mullo_epi16(_mm_and_si128(in, _mm_set1_epi32(0x003F03F0)),
                                       _mm_set1_epi32(0x01000010));
    return _mm_or_si128(ac, bd);
}

/* 6-bit index -> ASCII: index + offset, where the offset depends on the
 * range: 0..25 'A', 26..51 'a'-26, 52..61 '0'-52, 62 '+'-62, 63 '/'-63.
 * subs(i, 51) maps 52..63 to 1..12 and everything else to 0; indices below
 * 26 then get 13: a 14-entry pshufb table of offsets. */
static inline __m128i translate(__m128i idx)
{
    __m128i r = _mm_subs_epu8(idx, _mm_set1_epi8(51));
    const __m128i lt26 = _mm_cmpgt_epi8(_mm_set1_epi8(26), idx);
    r = _mm_or_si128(r, _mm_and_si128(lt26, _mm_set1_epi8(13)));
    const __m128i offsets = _mm_setr_epi8('a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
                                          '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
                                          '0' - 52, '+' - 62, '/' - 63, 'A', 0, 0);
    return _mm_add_epi8(_mm_shuffle_epi8(offsets, r), idx);
}

size_t hp_base64_encode_ssse3(const uint8_t *src, size_t n, char *dst)
{
    size_t i = 0;
    char *o = dst;
    /* Each load reads 16 bytes and uses 12: keep 16 readable. */
    for (; n - i >= 16; i += 12, o += 16) {
        __m128i in = _mm_loadu_si128((const __m128i *)(src + i));
        _mm_storeu_si128((__m128i *)o, translate(reshuffle(in)));
    }
    return (size_t)(o - dst) + hp_b64_enc_tail(src + i, n - i, o);
}
