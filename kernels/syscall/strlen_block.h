/* What the word- and block-wise strlen variants share: finding the string's
 * end by reading whole aligned blocks.
 *
 * Why reading past the terminator (and before s) is safe: memory is mapped
 * and protected in whole pages (4 KiB or larger), and an aligned block of a
 * power-of-two size up to 4 KiB never crosses a page boundary.  A variant
 * reads the aligned block holding s[0], then a block only after the one
 * before it had no zero byte, so each block it reads holds at least one
 * byte of the string: its page is one the string reaches.  The bytes of a
 * block outside the string never decide the result: those before s are
 * masked out, those after the terminator come after the first zero found.
 *
 * ASan would still report those bytes (they lie outside the allocation), so
 * the functions opt out of its instrumentation with HP_READS_WHOLE_BLOCKS,
 * as glibc's own strlen is not instrumented either; the tests check them
 * against strings that end right before a PROT_NONE page instead. */
#ifndef HOTPATH_STRLEN_BLOCK_H
#define HOTPATH_STRLEN_BLOCK_H

#include <stddef.h>
#include <stdint.h>

#define HP_READS_WHOLE_BLOCKS __attribute__((no_sanitize_address))

/* The aligned block of `size` bytes (a power of two <= 4096) holding s. */
static inline const char *hp_block_down(const char *s, uintptr_t size)
{
    return (const char *)((uintptr_t)s & ~(size - 1));
}

/* Bytes of the string before block p.  For the first block p <= s and the
 * value wraps modulo 2^64; callers add a byte index >= s - p to it. */
static inline size_t hp_block_offset(const char *p, const char *s)
{
    return (size_t)((uintptr_t)p - (uintptr_t)s);
}

/* The string's length, given a non-zero mask of the zero bytes (bit i for
 * byte i) of the block at p. */
static inline size_t hp_block_len(const char *p, const char *s, uint64_t zero_mask)
{
    return hp_block_offset(p, s) + (size_t)__builtin_ctzll(zero_mask);
}

/* The first block: its mask shifted so bit 0 is s[0], or 0 if the string
 * goes on past the block. */
static inline uint64_t hp_block_first(const char *p, const char *s, uint64_t zero_mask)
{
    return zero_mask >> ((uintptr_t)s - (uintptr_t)p);
}

#endif
