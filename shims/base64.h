/* Milestone 6: the base64 hot path.  RFC 4648 standard alphabet with '='
 * padding, the two families' signatures as fixed in DESIGN.md:
 *
 *   size_t hp_base64_encode_X(const uint8_t *src, size_t n, char *dst);
 *     writes exactly 4*ceil(n/3) bytes (no NUL) and returns that count.
 *
 *   ptrdiff_t hp_base64_decode_X(const char *src, size_t n, uint8_t *dst);
 *     dst holds at least 3*(n/4) bytes and nothing is written past them.
 *     Returns the bytes written, or -(k+1) where k is the offset of the
 *     first invalid input byte.  Strict, and every variant reports the same
 *     k for the same input (the reference is `naive`):
 *       - a byte outside the alphabet, or '=' outside the padding of the
 *         final quartet: k is its offset;
 *       - padding is "xx==" or "xxx=" in the final quartet of an input whose
 *         length is a multiple of 4; a non-'=' byte after a '=' there is
 *         invalid (k is its offset), as is a '=' at the first or second
 *         position of a quartet (it is not in the alphabet);
 *       - the unused low bits of the last character before the padding
 *         must be zero (canonical encoding): otherwise k is that
 *         character's offset (n-3 for "xx==", n-2 for "xxx=");
 *       - a length that is not a multiple of 4: the n%4 bytes of the
 *         incomplete last quartet cannot be decoded, so k is n - n%4 unless
 *         an earlier byte is invalid (every quartet is then a non-final
 *         one: any '=' in it is invalid).
 *     On error the first 3*(n/4) bytes of dst are unspecified. */
#ifndef HOTPATH_BASE64_H
#define HOTPATH_BASE64_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Encoded length of n bytes: 4*ceil(n/3). */
static inline size_t hp_base64_encoded_len(size_t n) { return (n + 2) / 3 * 4; }
/* Room a decode of n characters needs: 3*(n/4). */
static inline size_t hp_base64_decoded_max(size_t n) { return n / 4 * 3; }

#define HP_BASE64_DECLARE(v)                                                  \
    size_t hp_base64_encode_##v(const uint8_t *src, size_t n, char *dst);     \
    ptrdiff_t hp_base64_decode_##v(const char *src, size_t n, uint8_t *dst);

HP_BASE64_DECLARE(naive)
HP_BASE64_DECLARE(table)
HP_BASE64_DECLARE(ssse3)
HP_BASE64_DECLARE(avx2)
HP_BASE64_DECLARE(avx512vbmi)
HP_BASE64_DECLARE(asm)

#ifdef __cplusplus
}
#endif
#endif
