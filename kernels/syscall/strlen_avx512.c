/* strlen, AVX-512BW: 64-byte blocks compared straight into a mask register
 * (vpcmpeqb k), four per step in the main loop, whose 256-byte groups
 * vpminub folds into one test. */
#include "strlen_block.h"
#include "syscall.h"

#include <immintrin.h>

/* Bit i set when byte i of the aligned block at p is zero.  Every call
 * site reads a block that strlen_block.h shows to be safe. */
HP_READS_WHOLE_BLOCKS static inline uint64_t zeros64(const char *p)
{
    const __m512i v = _mm512_load_si512((const void *)p);
    return _mm512_testn_epi8_mask(v, v);
}

HP_READS_WHOLE_BLOCKS size_t hp_strlen_avx512(const char *s)
{
    const char *p = hp_block_down(s, 64);
    /* Safe read: the aligned block holding s[0]; the bytes before s are
     * shifted out of the mask. */
    uint64_t m = hp_block_first(p, s, zeros64(p));
    if (m)
        return (size_t)__builtin_ctzll(m);
    /* Single blocks up to a 256-byte boundary: each is aligned and follows
     * a block without a zero, so the string reaches it. */
    for (p += 64; (uintptr_t)p & 255; p += 64)
        if ((m = zeros64(p)))
            return hp_block_len(p, s, m);
    for (;; p += 256) {
        /* Safe read: an aligned 256-byte group (one page) whose first byte
         * the string reaches, since the group before had no zero. */
        const __m512i a = _mm512_load_si512((const void *)p);
        const __m512i b = _mm512_load_si512((const void *)(p + 64));
        const __m512i c = _mm512_load_si512((const void *)(p + 128));
        const __m512i d = _mm512_load_si512((const void *)(p + 192));
        /* min(a, b, c, d) has a zero byte iff one of them does */
        const __m512i lo = _mm512_min_epu8(_mm512_min_epu8(a, b), _mm512_min_epu8(c, d));
        if (_mm512_testn_epi8_mask(lo, lo))
            break;
    }
    for (;; p += 64) /* the group has a zero: the first of its blocks with one */
        if ((m = zeros64(p)))
            return hp_block_len(p, s, m);
}
