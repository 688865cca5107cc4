/* Internal to kernels/base64: the tables (base64_tables.c) and the shared
 * scalar head/tail routines (base64_tail.c) every faster variant ends with,
 * so edge cases (padding, partial quartets, error offsets) live in one
 * place. */
#ifndef HOTPATH_BASE64_IMPL_H
#define HOTPATH_BASE64_IMPL_H

#include <stddef.h>
#include <stdint.h>

/* "ABC...xyz0123456789+/" and a NUL. */
extern const char hp_b64_alphabet[65];
/* Two characters per 12 bits: entry i is alphabet[i >> 6] in its low byte
 * and alphabet[i & 63] in its high byte (a little-endian 2-byte store). */
extern const uint16_t hp_b64_enc_pair[4096];
/* Decoding by table, one per position in a quartet: OR-ing dec[0][a] |
 * dec[1][b] | dec[2][c] | dec[3][d] gives the 3 output bytes in the low 24
 * bits, in memory order for a little-endian store; a character outside the
 * alphabet sets bit 24 (HP_B64_BAD) instead. */
#define HP_B64_BAD 0x01000000u
extern const uint32_t hp_b64_dec[4][256];

/* Characters to decode (0xFF: not in the alphabet, '=' included). */
extern const uint8_t hp_b64_value[256];

/* The characters of an n-character input that are never padding: all
 * whole quartets except the final one of an input of whole quartets (the
 * only one that may pad, left to hp_b64_dec_tail). */
static inline size_t hp_b64_dec_body(size_t n)
{
    return n % 4 == 0 && n > 0 ? n - 4 : n - n % 4;
}

/* Encodes n bytes (any n) into 4*ceil(n/3) characters, with padding;
 * returns that count.  The tail of every encoder. */
size_t hp_b64_enc_tail(const uint8_t *src, size_t n, char *dst);

/* Decodes src[pos..n) of a whole input of n characters whose first pos
 * characters (a multiple of 4) were already decoded into dst[0..3*pos/4).
 * Applies every rule of the family (shims/base64.h): returns the total
 * bytes written, or -(k+1) with k an offset into the whole input.  A
 * vector loop that meets a bad block stops there and lets this find the
 * exact offset. */
ptrdiff_t hp_b64_dec_tail(const char *src, size_t n, size_t pos, uint8_t *dst);

#endif
