/* strlen, SWAR: eight bytes per step in a general register, with the
 * has-zero-byte trick.  For a little-endian word w,
 *     (w - 0x0101...01) & ~w & 0x8080...80
 * has its lowest set bit in the first zero byte, exactly: below the first
 * zero no byte borrows, so only a zero byte turns 0x00 into 0xff with its
 * high bit set where ~w's is set too.  Bits above it may be false (a borrow
 * out of the zero byte), but they come after the answer. */
#include "strlen_block.h"
#include "syscall.h"

typedef uint64_t __attribute__((may_alias)) hp_word; /* read char data as words */

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline uint64_t zero_bytes(uint64_t w)
{
    return (w - ONES) & ~w & HIGHS;
}

HP_READS_WHOLE_BLOCKS size_t hp_strlen_swar(const char *s)
{
    const char *p = hp_block_down(s, 8);
    const unsigned before = (unsigned)((uintptr_t)s - (uintptr_t)p);
    /* Safe read (strlen_block.h): the aligned word holding s[0].  Its bytes
     * before s are set to 0xff so they cannot look like the terminator. */
    uint64_t w = *(const hp_word *)p | (before ? ~0ull >> (64 - 8 * before) : 0);
    uint64_t z = zero_bytes(w);
    while (z == 0) {
        p += 8;
        /* Safe read: an aligned word, and the previous one had no zero, so
         * the string reaches this one. */
        z = zero_bytes(*(const hp_word *)p);
    }
    /* Bit 8i+7 of z flags byte i; for the first word p <= s and the
     * offset wraps, which the index (>= s - p there) undoes. */
    return hp_block_offset(p, s) + (size_t)__builtin_ctzll(z) / 8;
}
