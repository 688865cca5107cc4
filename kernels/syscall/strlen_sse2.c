/* strlen, SSE2: 16-byte blocks (pcmpeqb + pmovmskb), four per step in the
 * main loop, whose 64-byte groups pminub folds into one test. */
#include "strlen_block.h"
#include "syscall.h"

#include <emmintrin.h>

/* Bit i set when byte i of the aligned block at p is zero.  Every call
 * site reads a block that strlen_block.h shows to be safe. */
HP_READS_WHOLE_BLOCKS static inline uint64_t zeros16(const char *p)
{
    const __m128i v = _mm_load_si128((const __m128i *)p);
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
}

HP_READS_WHOLE_BLOCKS size_t hp_strlen_sse2(const char *s)
{
    const char *p = hp_block_down(s, 16);
    /* Safe read: the aligned block holding s[0]; the bytes before s are
     * shifted out of the mask. */
    uint64_t m = hp_block_first(p, s, zeros16(p));
    if (m)
        return (size_t)__builtin_ctzll(m);
    /* Single blocks up to a 64-byte boundary: each is aligned and follows
     * a block without a zero, so the string reaches it. */
    for (p += 16; (uintptr_t)p & 63; p += 16)
        if ((m = zeros16(p)))
            return hp_block_len(p, s, m);
    for (;; p += 64) {
        /* Safe read: an aligned 64-byte group (one page) whose first byte
         * the string reaches, since the group before had no zero. */
        const __m128i a = _mm_load_si128((const __m128i *)p);
        const __m128i b = _mm_load_si128((const __m128i *)(p + 16));
        const __m128i c = _mm_load_si128((const __m128i *)(p + 32));
        const __m128i d = _mm_load_si128((const __m128i *)(p + 48));
        /* min(a, b, c, d) has a zero byte iff one of them does */
        const __m128i lo = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(lo, _mm_setzero_si128())))
            break;
    }
    m = zeros16(p) | zeros16(p + 16) << 16 | zeros16(p + 32) << 32 | zeros16(p + 48) << 48;
    return hp_block_len(p, s, m);
}
