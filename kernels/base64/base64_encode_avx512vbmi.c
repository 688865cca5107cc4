/* AVX-512 VBMI: 48 input bytes -> 64 characters per step (Wojciech Muła
 * and Daniel Lemire, "Base64 encoding and decoding at almost the speed of
 * a memory copy", 2019): vpermb spreads each triple over a 32-bit lane,
 * vpmultishiftqb extracts the four 6-bit fields in one instruction, and a
 * second vpermb with the 64-character alphabet as its table translates
 * them.  The last partial block uses masked loads and stores. */
#include "base64.h"
#include "base64_impl.h"

#include <immintrin.h>

/* Lane i (4 bytes) <- input bytes 3i+1, 3i, 3i+2, 3i+1: in a 64-bit
 * element the fields then sit at bit offsets 10, 4, 22, 16 (first lane)
 * and 42, 36, 54, 48 (second), the multishift selectors below. */
static inline __m512i encode48(__m512i in, __m512i alphabet)
{
    const __m512i spread = _mm512_setr_epi32(
        0x01020001, 0x04050304, 0x07080607, 0x0a0b090a, 0x0d0e0c0d, 0x10110f10, 0x13141213,
        0x16171516, 0x191a1819, 0x1c1d1b1c, 0x1f201e1f, 0x22232122, 0x25262425, 0x28292728,
        0x2b2c2a2b, 0x2e2f2d2e);
    in = _mm512_permutexvar_epi8(spread, in);
    const __m512i idx = _mm512_multishift_epi64_epi8(_mm512_set1_epi64(0x3036242a1016040a), in);
    return _mm512_permutexvar_epi8(idx, alphabet); /* uses the low 6 bits of idx */
}

/* The first k (<= 64) lanes. */
static inline __mmask64 first(size_t k)
{
    return k >= 64 ? ~(__mmask64)0 : ((__mmask64)1 << k) - 1;
}

size_t hp_base64_encode_avx512vbmi(const uint8_t *src, size_t n, char *dst)
{
    const __m512i alphabet = _mm512_loadu_si512(hp_b64_alphabet);
    size_t i = 0;
    char *o = dst;
    /* Full loads read 64 bytes and use 48: keep 64 readable. */
    for (; n - i >= 112; i += 96, o += 128) {
        __m512i a = _mm512_loadu_si512(src + i), b = _mm512_loadu_si512(src + i + 48);
        _mm512_storeu_si512(o, encode48(a, alphabet));
        _mm512_storeu_si512(o + 64, encode48(b, alphabet));
    }
    for (; n - i >= 64; i += 48, o += 64)
        _mm512_storeu_si512(o, encode48(_mm512_loadu_si512(src + i), alphabet));
    /* Fewer than 64 left: whole triples by masked load and store (masked
     * lanes are not accessed, so nothing past the buffer is touched). */
    for (size_t r; (r = (n - i) / 3 * 3) >= 3;) {
        const size_t take = r < 48 ? r : 48, out = take / 3 * 4;
        __m512i in = _mm512_maskz_loadu_epi8(first(take), src + i);
        _mm512_mask_storeu_epi8(o, first(out), encode48(in, alphabet));
        i += take;
        o += out;
    }
    return (size_t)(o - dst) + hp_b64_enc_tail(src + i, n - i, o);
}
