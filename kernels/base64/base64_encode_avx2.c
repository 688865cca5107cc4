/* AVX2: 24 input bytes -> 32 characters per step.  pshufb and the
 * multiplies work within a 128-bit lane, so each lane needs its own 12
 * bytes.  One 32-byte load at p - 4 provides both: the low lane holds
 * p[-4..12) (its 12 bytes at lane offsets 4..15), the high lane p[12..28)
 * (its 12 bytes at lane offsets 0..11), and one pshufb with a different
 * index per lane spreads them.  (The first step cannot read p - 4: it
 * loads at p and moves the low lane up a dword with vpermd.) */
#include "base64.h"
#include "base64_impl.h"

#include <immintrin.h>

/* Each stage below runs over n independent vectors (n = 1 or 2), one
 * operation for all of them before the next: with n = 2 the two steps'
 * instructions mix (gcc 12 schedules them not strictly alternating),
 * which on Zen 4 ran 3-3.5% faster than one step after the other
 * (docs/avx2.md: vpshufb and vpblendvb share two of the four vector
 * pipes, the multiplies have two, the rest all four). */

/* Per lane, each triple b0 b1 b2 -> the dword [b1 b0 b2 b1]: its low word
 * is b0:b1 (fields a = bits 10..15, b = 4..9), its high word b1:b2 (c =
 * bits 6..11, d = 0..5).  Then the four fields into four bytes:
 *   mulhi(x, 2^6 | 2^10 << 16)   byte 0 = a (exact), byte 2 = c (+2 high bits)
 *   mullo(x, 2^4 | 2^8 << 16)    byte 1 = b, byte 3 = d (each +2 high bits)
 *   blendvb bytes 0, 2 of the first with bytes 1, 3 of the second, & 0x3F
 * Four operations where masking both inputs and OR-ing takes five. */
static inline void reshuffle(__m256i *x, int n)
{
    const __m256i spread = _mm256_setr_epi8(5, 4, 6, 5, 8, 7, 9, 8, 11, 10, 12, 11, 14, 13, 15,
                                            14, 1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
    __m256i ac[2];
    for (int k = 0; k < n; k++)
        x[k] = _mm256_shuffle_epi8(x[k], spread);
    for (int k = 0; k < n; k++)
        ac[k] = _mm256_mulhi_epu16(x[k], _mm256_set1_epi32(0x04000040));
    for (int k = 0; k < n; k++)
        x[k] = _mm256_mullo_epi16(x[k], _mm256_set1_epi32(0x01000010));
    for (int k = 0; k < n; k++)
        x[k] = _mm256_blendv_epi8(ac[k], x[k], _mm256_set1_epi16((short)0xFF00));
    for (int k = 0; k < n; k++)
        x[k] = _mm256_and_si256(x[k], _mm256_set1_epi8(0x3F));
}

/* Index x (0..63) -> ASCII as x + offset[class], in five operations:
 *   t = max(x, 51)         51 for letters, x for 52..63
 *   t -= (x > 25 ? -1 : 0) 51 A-Z, 52 a-z, 53..62 digits, 63 '+', 64 '/'
 *   x + pshufb(offsets, t)  pshufb reads t's low nibble: slots 3, 4,
 *                           5..14, 15, 0, each class its own
 * max, not a saturating x - 51 (a table from slot 0): on Zen 4 vpsubusb
 * shares the two pipes of the multiplies and vpmaxub runs on all four
 * (docs/avx2.md), worth 2-3% of the whole loop.  x > 25 is vpcmpgtb with
 * the constant second, one instruction. */
static inline void translate(__m256i *x, int n)
{
    const __m256i offsets = _mm256_setr_epi8(
        '/' - 63, 0, 0, 'A', 'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
        '0' - 52, '0' - 52, '0' - 52, '0' - 52, '+' - 62, '/' - 63, 0, 0, 'A', 'a' - 26, '0' - 52,
        '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
        '+' - 62);
    __m256i t[2];
    for (int k = 0; k < n; k++)
        t[k] = _mm256_max_epu8(x[k], _mm256_set1_epi8(51));
    for (int k = 0; k < n; k++)
        t[k] = _mm256_sub_epi8(t[k], _mm256_cmpgt_epi8(x[k], _mm256_set1_epi8(25)));
    for (int k = 0; k < n; k++)
        t[k] = _mm256_shuffle_epi8(offsets, t[k]);
    for (int k = 0; k < n; k++)
        x[k] = _mm256_add_epi8(x[k], t[k]);
}

/* n consecutive steps (n = 1 or 2) from p, each loading at p - 4. */
static inline void steps(const uint8_t *p, char *o, int n)
{
    __m256i x[2];
    for (int k = 0; k < n; k++)
        x[k] = _mm256_loadu_si256((const __m256i *)(p + 24 * k - 4));
    reshuffle(x, n);
    translate(x, n);
    for (int k = 0; k < n; k++)
        _mm256_storeu_si256((__m256i *)(o + 32 * k), x[k]);
}

size_t hp_base64_encode_avx2(const uint8_t *src, size_t n, char *dst)
{
    size_t i = 0;
    char *o = dst;
    if (n >= 32) {
        /* p[0..32) -> low lane p[-4..12) (dword 0 repeated), high p[12..28) */
        __m256i v = _mm256_permutevar8x32_epi32(_mm256_loadu_si256((const __m256i *)src),
                                                _mm256_setr_epi32(0, 0, 1, 2, 3, 4, 5, 6));
        reshuffle(&v, 1);
        translate(&v, 1);
        _mm256_storeu_si256((__m256i *)o, v);
        i = 24, o += 32;
        /* A step at i reads src[i-4 .. i+28): it needs n - i >= 28; four
         * steps need n - i >= 72 + 28. */
        for (; n - i >= 100; i += 96, o += 128) {
            steps(src + i, o, 2);
            steps(src + i + 48, o + 64, 2);
        }
        for (; n - i >= 28; i += 24, o += 32)
            steps(src + i, o, 1);
    }
    return (size_t)(o - dst) + hp_b64_enc_tail(src + i, n - i, o);
}
