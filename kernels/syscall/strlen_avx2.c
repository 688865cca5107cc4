/* strlen, AVX2: 32-byte blocks (vpcmpeqb + vpmovmskb), four per step in
 * the main loop, whose 128-byte groups vpminub folds into one test. */
#include "strlen_block.h"
#include "syscall.h"

#include <immintrin.h>

/* Bit i set when byte i of the aligned block at p is zero.  Every call
 * site reads a block that strlen_block.h shows to be safe. */
HP_READS_WHOLE_BLOCKS static inline uint64_t zeros32(const char *p)
{
    const __m256i v = _mm256_load_si256((const __m256i *)p);
    return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_setzero_si256()));
}

HP_READS_WHOLE_BLOCKS size_t hp_strlen_avx2(const char *s)
{
    const char *p = hp_block_down(s, 32);
    /* Safe read: the aligned block holding s[0]; the bytes before s are
     * shifted out of the mask. */
    uint64_t m = hp_block_first(p, s, zeros32(p));
    if (m)
        return (size_t)__builtin_ctzll(m);
    /* Single blocks up to a 128-byte boundary: each is aligned and follows
     * a block without a zero, so the string reaches it. */
    for (p += 32; (uintptr_t)p & 127; p += 32)
        if ((m = zeros32(p)))
            return hp_block_len(p, s, m);
    for (;; p += 128) {
        /* Safe read: an aligned 128-byte group (one page) whose first byte
         * the string reaches, since the group before had no zero. */
        const __m256i a = _mm256_load_si256((const __m256i *)p);
        const __m256i b = _mm256_load_si256((const __m256i *)(p + 32));
        const __m256i c = _mm256_load_si256((const __m256i *)(p + 64));
        const __m256i d = _mm256_load_si256((const __m256i *)(p + 96));
        /* min(a, b, c, d) has a zero byte iff one of them does */
        const __m256i lo = _mm256_min_epu8(_mm256_min_epu8(a, b), _mm256_min_epu8(c, d));
        if (_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, _mm256_setzero_si256())))
            break;
    }
    if ((m = zeros32(p) | zeros32(p + 32) << 32))
        return hp_block_len(p, s, m);
    return hp_block_len(p + 64, s, zeros32(p + 64) | zeros32(p + 96) << 32);
}
